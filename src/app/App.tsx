/** The lab's page: header, messages, the steps (corpus, model, train, generate), then the views inside the model. */

import { useT } from '../i18n/useT';
import { ArrivalBand } from '../panels/Arrival/ArrivalBand';
import { AttentionPanel } from '../panels/Attention/AttentionPanel';
import { CheckpointPanel } from '../panels/Checkpoint/CheckpointPanel';
import { ConceptsPanel } from '../panels/Concepts/ConceptsPanel';
import { CorpusPanel } from '../panels/Corpus/CorpusPanel';
import { GeneratePanel } from '../panels/Generate/GeneratePanel';
import { LessonView } from '../panels/Lesson/LessonView';
import { LogitLensPanel } from '../panels/LogitLens/LogitLensPanel';
import { LossPanel } from '../panels/Loss/LossPanel';
import { ModelPanel } from '../panels/Model/ModelPanel';
import { ModelsPanel } from '../panels/Models/ModelsPanel';
import { NextTokenPanel } from '../panels/NextToken/NextTokenPanel';
import { SaliencyPanel } from '../panels/Saliency/SaliencyPanel';
import { PresenterBar } from '../panels/shared/Present';
import { TokensPanel } from '../panels/Tokens/TokensPanel';
import { TrainingPanel } from '../panels/Training/TrainingPanel';
import { useStore } from '../store/store';
import { Header } from './Header';
import { Messages } from './Messages';

export function App() {
  const t = useT();
  const arrival = useStore((s) => s.arrival);
  return (
    <div className={arrival ? 'page arriving' : 'page'}>
      <Header />
      <LessonView />
      <Messages />
      <PresenterBar />
      {arrival && <ArrivalBand />}
      <main className="layout">
        <div className="col">
          <CorpusPanel />
          <TokensPanel />
          <ModelPanel />
        </div>
        <div className="col">
          <TrainingPanel />
          <section className="panel" aria-label={t('app.lossChart')}>
            <LossPanel />
          </section>
          <GeneratePanel />
          <CheckpointPanel />
          <ModelsPanel />
        </div>
      </main>
      <div className="inside-block">
        <h2 className="section-title" id="inside-h">
          {t('app.seeInside')}
        </h2>
        <main className="inside" aria-labelledby="inside-h">
          <NextTokenPanel />
          <AttentionPanel />
          <LogitLensPanel />
          <SaliencyPanel />
          <ConceptsPanel />
        </main>
      </div>
      <footer className="foot">{t('app.footer')}</footer>
    </div>
  );
}
