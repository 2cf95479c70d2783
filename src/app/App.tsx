/** The lab's page: header, messages, then the steps left to right — corpus, model, train, generate. */
import { CheckpointPanel } from '../panels/Checkpoint/CheckpointPanel';
import { CorpusPanel } from '../panels/Corpus/CorpusPanel';
import { GeneratePanel } from '../panels/Generate/GeneratePanel';
import { LossPanel } from '../panels/Loss/LossPanel';
import { ModelPanel } from '../panels/Model/ModelPanel';
import { TokensPanel } from '../panels/Tokens/TokensPanel';
import { TrainingPanel } from '../panels/Training/TrainingPanel';
import { Header } from './Header';
import { Messages } from './Messages';

export function App() {
  return (
    <>
      <Header />
      <Messages />
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
        </div>
      </main>
    </>
  );
}
