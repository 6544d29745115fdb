/** Just enough zip for one-file Lambda artefacts: write one deflated entry, read entries back. */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** A one-entry zip (deflate, like the framework's), so the bench reports the size Lambda is given. */
export function zipOne(name: string, data: Buffer): Buffer {
  const deflated = deflateRawSync(data);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  // The local and central headers share these fields; the central one has "version made by" first.
  const header = (signature: number, central: boolean): Buffer => {
    const b = Buffer.alloc(central ? 46 : 30);
    const o = central ? 2 : 0;
    b.writeUInt32LE(signature, 0);
    if (central) b.writeUInt16LE(20, 4); // version made by
    b.writeUInt16LE(20, 4 + o); // version needed to extract
    b.writeUInt16LE(8, 8 + o); // method: deflate
    b.writeUInt16LE(0x21, 12 + o); // DOS date 1980-01-01, as the framework writes
    b.writeUInt32LE(crc, 14 + o);
    b.writeUInt32LE(deflated.length, 18 + o);
    b.writeUInt32LE(data.length, 22 + o);
    b.writeUInt16LE(fileName.length, 26 + o);
    return b; // central: comment, disk, attributes and the local header's offset (0) stay zero
  };
  const local = Buffer.concat([header(0x04034b50, false), fileName, deflated]);
  const central = Buffer.concat([header(0x02014b50, true), fileName]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}

/** The text of every stored or deflated entry of a zip, from its central directory (no zip64). */
export function zipEntries(zip: Buffer): { name: string; text: string }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    // Sizes come from the central directory: local headers hold zeros when a data descriptor is used.
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.push({ name, text: (method === 8 ? inflateRawSync(data) : data).toString('utf8') });
  }
  return entries;
}
