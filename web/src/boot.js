// The page's first script, small and classic (not a module), so that it runs while the
// HTML is still being parsed: it starts every request of the first render before the
// browser has loaded and compiled the app's bundle (app.js), and hands the pending answers
// over in globalThis.sitrepBoot, where api.js takes them.
// Nothing here draws: if an address here and a view's disagree, the view simply asks again.
import { startFetch } from "./api.js";
import { readState } from "./filters.js";
import { firstRenderUrls } from "./requests.js";

const answers = new Map();
for (const url of firstRenderUrls(readState())) {
  const pending = startFetch(url);
  pending.catch(() => {});  // a failure is the view's to report, when it takes the answer
  answers.set(url, pending);
}
globalThis.sitrepBoot = { answers };
