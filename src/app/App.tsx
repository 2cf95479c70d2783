/** The lab's page: header, messages, the steps (corpus, model, train, generate), then the views inside the model. */

import { ArrivalBand } from '../panels/Arrival/ArrivalBand';
import { AttentionPanel } from '../panels/Attention/AttentionPanel';
import { CheckpointPanel } from '../panels/Checkpoint/CheckpointPanel';
import { ConceptsPanel } from '../panels/Concepts/ConceptsPanel';
import { CorpusPanel } from '../panels/Corpus/CorpusPanel';
import { GeneratePanel } from '../panels/Generate/GeneratePanel';
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
  const arrival = useStore((s) => s.arrival);
  return (
    <div className={arrival ? 'page arriving' : 'page'}>
      <Header />
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
          <section className="panel" aria-label="Loss chart">
            <LossPanel />
          </section>
          <GeneratePanel />
          <CheckpointPanel />
          <ModelsPanel />
        </div>
      </main>
      <div className="inside-block">
        <h2 className="section-title" id="inside-h">
          See inside
        </h2>
        <main className="inside" aria-labelledby="inside-h">
          <NextTokenPanel />
          <AttentionPanel />
          <LogitLensPanel />
          <SaliencyPanel />
          <ConceptsPanel />
        </main>
      </div>
      <footer className="foot">
        Everything runs in this browser: your text, your models and their training never leave it, and the lab
        asks the network only for its own files and the URLs you enter. After one visit it works offline.
      </footer>
    </div>
  );
}
