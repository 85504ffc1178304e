/**
 * Tells only the person who typed the command, through the command's response_url (valid for
 * 30 minutes): what Bolt's respond() does, for a start another replica took over.
 */
export async function respondTo(responseUrl: string, text: string): Promise<void> {
  const res = await fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', text }) });
  if (!res.ok) throw new Error(`Slack's response_url answered ${res.status}`);
}
