// Utilities: signed bytes, charsets, digests, Base64, sleep and formatDate as Apps Script has them.
import { createGoogleFakes } from '../../fakes/google';
import { FREE } from '../../fakes/google/cost';

function setup() {
  const world = createGoogleFakes({ cost: FREE });
  return { world, u: world.globalsFor({ user: 'a@example.com' }).Utilities };
}

describe('Utilities', () => {
  it('gives blob bytes as signed Java bytes', () => {
    const { u } = setup();
    // "é" is C3 A9 in UTF-8: 195 and 169 as unsigned bytes, -61 and -87 as signed ones.
    expect(u.newBlob('é').getBytes()).toEqual([-61, -87]);
    expect(u.newBlob([-61, -87]).getDataAsString()).toBe('é');
    const blob = u.newBlob('x', 'text/plain', 'a.txt');
    expect([blob.getContentType(), blob.getName()]).toEqual(['text/plain', 'a.txt']);
  });

  it('reads windows-1252 and ISO-8859-1 as those charsets define them', () => {
    const { u } = setup();
    // 0x80 is € in windows-1252 and the C1 control U+0080 in ISO-8859-1; 0xE9 is é in both.
    const bytes = [0x80 - 256, 0xe9 - 256, 0x41];
    expect(u.newBlob(bytes).getDataAsString('windows-1252')).toBe('€éA');
    expect(u.newBlob(bytes).getDataAsString('ISO-8859-1')).toBe('\u0080éA');
    expect(u.newBlob('').setDataFromString('€é', 'windows-1252').getBytes()).toEqual([-128, -23]);
  });

  it('computes digests as signed bytes', () => {
    const { u } = setup();
    // SHA-256("abc") starts ba 78 16 bf (FIPS 180-2 test vector): 0xba = -70, 0x78 = 120, 0x16 = 22, 0xbf = -65.
    const digest = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    // MD5("") is d41d8cd98f00b204e9800998ecf8427e.
    expect(u.computeDigest(u.DigestAlgorithm.MD5, '').slice(0, 2)).toEqual([0xd4 - 256, 0x1d]);
  });

  it('encodes Base64, web-safe with padding, and decodes to signed bytes', () => {
    const { u } = setup();
    expect(u.base64Encode('hello')).toBe('aGVsbG8=');
    // Bytes fb ff: standard "+/8=", web-safe "-_8=" (Google keeps the padding).
    expect(u.base64Encode([-5, -1])).toBe('+/8=');
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(u.base64Decode('+/8=')).toEqual([-5, -1]);
    expect(u.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    // A PKCE challenge is the web-safe Base64 of SHA-256(verifier) without padding.
    const challenge = u.base64EncodeWebSafe(u.computeDigest(u.DigestAlgorithm.SHA_256, 'verifier')).replace(/=+$/, '');
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('sleeps on the world clock and makes UUIDs', () => {
    const { world, u } = setup();
    const before = world.now();
    u.sleep(1500);
    expect(world.now() - before).toBe(1500);
    expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u.getUuid()).not.toBe(u.getUuid());
  });

  it('formats dates with Java patterns in a time zone', () => {
    const { u } = setup();
    const when = new Date('2025-01-05T23:30:05.123Z');
    expect(u.formatDate(when, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2025-01-05T23:30:05.123Z');
    // Sydney is UTC+11 in January (daylight time), so it is already the 6th there.
    expect(u.formatDate(when, 'Australia/Sydney', 'yyyy-MM-dd HH:mm Z')).toBe('2025-01-06 10:30 +1100');
    expect(u.formatDate(when, 'America/New_York', 'EEE, d MMM yyyy h:mm a')).toBe('Sun, 5 Jan 2025 6:30 PM');
    expect(() => u.formatDate(when, 'Etc/UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });
});
