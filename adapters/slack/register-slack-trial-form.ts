import type { App } from '@slack/bolt';
import { decodeAction } from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import { TRIAL_FIELDS, TRIAL_MODAL_CALLBACK_ID, type TrialField } from './build-trial-modal.js';
import { errorInWords, errorReference } from './slack-errors.js';
import { viewShape } from './slack-payload-shapes.js';
import type { SlackTrial } from './slack-trial.js';

/** The trial form's submission: checked before it closes, each problem shown in its field; the trial then runs in the background. */
export function registerTrialForm(app: App, trial: SlackTrial, logger: Logger): void {
  app.view(TRIAL_MODAL_CALLBACK_ID, async ({ ack, body: raw, client }) => {
    const shape = viewShape.safeParse(raw);
    const payload = shape.success ? decodeAction(shape.data.view.private_metadata) : null;
    if (!shape.success || !payload) return void (await ack({ response_action: 'errors', errors: { prompt: 'This form is out of date; close it and start again from the interview.' } }));
    const values = Object.fromEntries(TRIAL_FIELDS.map((f) => [f, shape.data.view.state?.values[f]?.value?.value ?? ''])) as Record<TrialField, string>;
    try {
      const errors = await trial.submit(client, payload.c, shape.data.user.id, values);
      await ack(errors ? { response_action: 'errors', errors } : undefined);
    } catch (err) {
      const ref = errorReference();
      logger.error({ ref, err: { message: (err as Error).message } }, 'trial form failed');
      await ack({ response_action: 'errors', errors: { prompt: `I couldn't start the trial: ${errorInWords(err, ref)}` } });
    }
  });
}
