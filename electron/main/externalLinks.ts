/**
 * What may leave the app for the system's handlers: secure web links (the system browser) and mailto: (the mail
 * client). Not http: (readable and changeable on the way), not file: (would open or run a local file), and no
 * other scheme, whose handler could be any program registered on the machine.
 */
export function isSafeExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'mailto:') return true;
  return u.protocol === 'https:' && u.hostname !== '' && !u.username && !u.password;
}
