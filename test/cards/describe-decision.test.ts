import { describe, expect, it } from 'vitest';
import { buildSummaryCard, describeDecision } from '../../src/index.js';
import { verdictFor } from '../helpers/advice.js';
import { lowVolume, plateauedPrompt, untestedPrompt } from '../helpers/answers.js';
import { recordOf, TICKET_ROUTER_ANSWERS } from '../helpers/verdict-records.js';

const fieldsOf = (card: ReturnType<typeof buildSummaryCard>) => card.blocks.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => `${f.label}: ${f.value}`) : []));

describe('the decision a verdict makes, in one line', () => {
  it('puts a fine-tune against prompting the same model, and names what prompting costs today when that is another model', () => {
    const decision = describeDecision(verdictFor(TICKET_ROUTER_ANSWERS))!;
    expect(decision.path).toBe('fine-tuning');
    expect(decision.recommended).toEqual({ path: 'fine-tuning', model: 'nova-pro', monthly: 937.95, upFront: 5634.56 });
    expect(decision.alternative).toMatchObject({ path: 'prompting', model: 'nova-pro', monthly: 4176 });
    expect(decision.line).toBe('Fine-tune nova-pro: $938/month after $5,635 up front vs prompting nova-pro $4,176/month (today, claude-sonnet-4.5: $15,750/month)');
    expect(decision.atStake).toBe(15_750);
  });

  it('puts a prompt verdict against fine-tuning with what training costs up front, so a lower monthly figure does not read as the better choice', () => {
    const verdict = verdictFor(plateauedPrompt());
    expect(verdict.verdict).toBe('prompt-engineering');
    const decision = describeDecision(verdict)!;
    expect(decision.path).toBe('prompting');
    expect(decision.line).toMatch(/^Prompt gemini-2\.5-pro: \$36\.25\/month vs fine-tuning gemini-2\.5-pro \$25\.00\/month after \$[\d,]+ up front$/);
  });

  it('says what to do first, and what prompting costs meanwhile', () => {
    const verdict = verdictFor(untestedPrompt(lowVolume));
    expect(verdict.verdict).toBe('test-prompts-first');
    const decision = describeDecision(verdict)!;
    expect(decision.first).toBe(true);
    expect(decision.line).toMatch(/^Test the prompt first; meanwhile prompting gemini-2\.5-pro: \$[\d,.]+\/month/);
  });

  it('is null for a verdict without costs', () => {
    const verdict = verdictFor(untestedPrompt());
    expect(verdict.cost).toBeNull();
    expect(describeDecision(verdict)).toBeNull();
  });
});

describe("the managers' summary", () => {
  it("shows a fine-tune verdict's fine-tuning cost against the alternative, not only the prompt's", () => {
    const card = buildSummaryCard(recordOf(verdictFor(TICKET_ROUTER_ANSWERS)));
    expect(fieldsOf(card)).toContain('Decision: Fine-tune nova-pro: $938/month after $5,635 up front vs prompting nova-pro $4,176/month (today, claude-sonnet-4.5: $15,750/month)');
  });
});
