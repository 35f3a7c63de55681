// The character rule of client names and library attributes (redis src/networking.c validateClientAttr):
// printable ASCII without spaces, so CLIENT LIST lines can always be split on spaces.

/** True when every byte is in '!'..'~'. The empty string is valid (it clears the attribute). */
export function isValidClientAttribute(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
