/** POST one API call to the browser host the way the app does (token header, same origin). */
export async function callHost<T>(url: string, name: string, input: unknown): Promise<T> {
  const base = new URL(url);
  const response = await fetch(new URL(`/api/${name}`, base.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rtqa-token': base.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const envelope = await response.json() as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
  return envelope.data as T;
}
