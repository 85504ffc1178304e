import { afterEach, describe, expect, it } from 'vitest';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { message, postActivity } from '../../helpers/teams-activities.js';
import { startTeamsTestService, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';

const APP_ID = '3f2b6c1e-8d4a-4c2b-9f1e-2a7d5b8c9e01';
const TENANT_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the Teams endpoint under bad requests and repeats', () => {
  let svc: TeamsTestService;
  afterEach(async () => {
    await svc.stop();
  });

  it('refuses a missing or bad token with 401 when an app id is set, and sends nothing', async () => {
    svc = await startTeamsTestService({ teams: { mode: 'azure', appId: APP_ID, appType: 'SingleTenant', password: 'not-a-real-secret', tenantId: TENANT_ID } });
    const activity = message('start', { serviceUrl: svc.connector.url });
    const none = await postActivity(svc.service.url, activity);
    const garbage = await postActivity(svc.service.url, activity, { authorization: 'Bearer not.a.token' });
    // A well-formed JWT from someone else's issuer: refused before any key is fetched.
    const foreign = `${[
      { alg: 'none', typ: 'JWT' },
      { iss: 'https://evil.example', aud: APP_ID, serviceurl: svc.connector.url },
    ]
      .map((p) => Buffer.from(JSON.stringify(p)).toString('base64url'))
      .join('.')}.`;
    const forged = await postActivity(svc.service.url, activity, { authorization: `Bearer ${foreign}` });
    expect([none.status, garbage.status, forged.status]).toEqual([401, 401, 401]);
    expect(svc.connector.requests).toEqual([]);
    expect(await (await fetch(`${svc.service.url}/healthz`)).json()).toMatchObject({ platforms: { teams: 'azure' } });
  });

  it('in local mode, refuses an activity whose serviceUrl is not on this machine, and changes nothing', async () => {
    svc = await startTeamsTestService();
    const res = await postActivity(svc.service.url, message('start', { serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
    expect(res.status).toBe(403);
    expect(res.text).toContain('only answers activities whose serviceUrl is on this machine');
    expect(svc.connector.requests).toEqual([]);
    expect(svc.logs.join('\n')).toContain('TEAMS LOCAL MODE');
  });

  it('answers a body that is not an activity with 400 and stays up', async () => {
    svc = await startTeamsTestService();
    const notJson = await fetch(`${svc.service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    const notActivity = await postActivity(svc.service.url, { serviceUrl: svc.connector.url, hello: 'world' });
    const list = await postActivity(svc.service.url, [1, 2]);
    expect([notJson.status, notActivity.status, list.status]).toEqual([400, 400, 400]);
    expect((await fetch(`${svc.service.url}/healthz`)).status).toBe(200);
  });

  it('changes nothing when Teams delivers the same invoke twice', async () => {
    svc = await startTeamsTestService();
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('start');
    const question = driver.currentQuestion()!;
    const invoke = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'f:repeated-invoke-1',
      replyToId: question.id,
      serviceUrl: svc.connector.url,
      channelId: 'msteams',
      from: { id: '29:alice-teams', name: 'Alice Manager', aadObjectId: '11111111-0000-0000-0000-00000000a11c' },
      conversation: { id: driver.conversationId, conversationType: 'personal', tenantId: TENANT_ID },
      recipient: { id: '28:bot-finetune-advisor', name: 'finetune-advisor' },
      value: { action: { type: 'Action.Execute', verb: 'fta:answer', data: { ...driver.action(question, 'answer').data, fta_choice: 'reasoning' } }, trigger: 'manual' },
    };
    const first = await postActivity(svc.service.url, invoke);
    const second = await postActivity(svc.service.url, invoke);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(second.body).toMatchObject({ statusCode: 200, value: 'Already done.' });
    expect(svc.connector.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(driver.messages().filter((m) => cardText(m).includes('tested your best prompt'))).toHaveLength(1);
  });

  it('resumes an interview after a restart from the card posted before it', async () => {
    svc = await startTeamsTestService();
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('start');
    await driver.answer({ choose: 'classification' });
    await svc.restart();
    await driver.answer({ form: '40' });
    expect(driver.questionText()).toContain('How many of them came out right?');
  });
});
