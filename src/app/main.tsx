// d3's package is marked side-effect free, so bundlers drop the module that adds
// selection.transition()/interrupt() to d3-selection; import it for its side effect here.
import 'd3-transition';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './register';
import './app.css';
import { quietWrites } from '../viz';
import { App } from './App';
import { boot } from './boot';
import { startLanguage } from './language-actions';
import { followLessonKeys, lessonFromUrl } from './lesson-actions';
import { startServiceWorker } from './offline';

startLanguage(); // `?lang=`, remembered, or the browser's: the first frame is in it
lessonFromUrl(location.search); // `?lesson=k`: the class sees the stop from the first frame
followLessonKeys();
quietWrites(); // d3 writes only attributes and text that changed (see viz/quietWrites.ts)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
startServiceWorker(); // offline, isolation on any host, updates (src/sw/sw.ts)
void boot();
