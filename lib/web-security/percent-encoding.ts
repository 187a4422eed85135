/**
 * True when a path holds an escape that does not decode: a stray `%`, `%zz`, or bytes that are not
 * UTF-8 (`%ff`, the overlong `%C0%AE`). Next throws on these while matching dynamic segments and
 * answers a bare 500, so they are refused before routing.
 */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
