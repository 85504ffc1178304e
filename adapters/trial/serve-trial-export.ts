import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ConversationStore } from '../../src/index.js';
import { sendJson } from '../http/send-json.js';

const sameKey = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * GET /trials/<id>/promptfooconfig.yaml?key=<key>: a trial's Promptfoo file, for the person the
 * link was posted to (Teams, where a bot can't attach a file in a channel). The key is the
 * secret; the file holds the team's examples and is gone after the retention period.
 */
export async function serveTrialExport(store: ConversationStore, path: string, url: string, res: ServerResponse): Promise<void> {
  const [, , id = '', fileName = ''] = path.split('/');
  const key = new URL(url, 'http://x').searchParams.get('key') ?? '';
  const gone = () => sendJson(res, 404, { error: 'No such file: the link is wrong, or the trial was deleted after the retention period.' });
  try {
    const trial = await store.trials.getTrial(decodeURIComponent(id));
    if (!trial?.exportYaml || fileName !== 'promptfooconfig.yaml' || !sameKey(key, trial.downloadKey)) return gone();
    res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8', 'content-disposition': 'attachment; filename="promptfooconfig.yaml"', 'cache-control': 'no-store' }).end(trial.exportYaml);
  } catch {
    if (!res.headersSent) sendJson(res, 500, { error: 'The file could not be read; try again.' });
  }
}
