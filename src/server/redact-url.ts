/** Query parameters that carry credentials when clients put them in the URL. */
const SECRET_PARAMETER = /^(api[-_]?key|apikey|key|token|access[-_]?token|auth|authorization|secret|password)$/i;

function parameterName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** `url` with the value of every credential-like query parameter replaced, for logging. */
export function redactUrl(url: string, censor: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const pairs = url.slice(query + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq === -1 || !SECRET_PARAMETER.test(parameterName(pair.slice(0, eq)))) return pair;
    return `${pair.slice(0, eq)}=${censor}`;
  });
  return `${url.slice(0, query + 1)}${pairs.join('&')}`;
}
