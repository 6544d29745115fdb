/**
 * DYNAMODB_ENDPOINT as a URL, or why not: without a scheme ("127.0.0.1:8000") the SDK and `new URL`
 * fail later with an unhelpful "Invalid URL".
 */
export function parseEndpoint(value: string): { url: string } | { error: string } {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
    return {
      error: `DYNAMODB_ENDPOINT must be an http(s) URL such as http://127.0.0.1:8000, got "${value}"`,
    };
  }
  return { url: value };
}
