import { CustodianError } from '../../../shared/result';

/**
 * The HTML part of a saved .mhtml page (MIME multipart/related), decoded
 * from quoted-printable or base64 into bytes in its own charset. The other
 * parts (images, styles) are left out: the view is text-only anyway.
 */
export function mhtmlToHtml(bytes: Buffer, label: string): Buffer {
  const text = bytes.toString('latin1');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
  if (!boundary)
    throw new CustodianError('corrupt_document', `${label} is not a readable MHTML file: it has no MIME boundary.`);
  for (const part of text.split(`--${boundary}`)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const charset = /charset="?([\w-]+)"?/i.exec(headers)?.[1];
    let html: Buffer;
    if (encoding === 'base64') html = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    else if (encoding === 'quoted-printable') html = decodeQuotedPrintable(body);
    else html = Buffer.from(body, 'latin1');
    // Tell the HTML parser the part's charset when the page itself does not.
    return charset && !/<meta[^>]+charset/i.test(html.subarray(0, 2048).toString('latin1'))
      ? Buffer.concat([Buffer.from(`<meta charset="${charset}">`), html])
      : html;
  }
  throw new CustodianError('corrupt_document', `${label} is not a readable MHTML file: it has no HTML part.`);
}

function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(soft.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}
