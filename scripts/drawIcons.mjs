#!/usr/bin/env node
// Draws the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32) as PNGs.
// Run once when the design changes: node scripts/drawIcons.mjs. The icon is a speech bubble holding
// a rising three-bar chart: a conversation about a school's figures.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels → PNG (8-bit, colour type 6). */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) pixel(x, y).forEach((v, i) => (raw[y * (size * 4 + 1) + 1 + x * 4 + i] = v));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The mark in a unit square: a rounded speech bubble with a tail, and three rising bars cut out of it. */
function inMark(u, v) {
  const inBubble = u > 0.12 && u < 0.88 && v > 0.14 && v < 0.7 && !(cornerOut(u, v));
  const inTail = v >= 0.7 && v < 0.86 && u > 0.24 && u < 0.24 + (0.86 - v) * 1.1;
  const bars = [
    [0.27, 0.39, 0.5],
    [0.44, 0.56, 0.38],
    [0.61, 0.73, 0.26],
  ].some(([a, b, top]) => u > a && u < b && v > top && v < 0.6);
  return (inBubble || inTail) && !bars;
}

function cornerOut(u, v) {
  const r = 0.1;
  const cx = u < 0.22 ? 0.22 : u > 0.78 ? 0.78 : u;
  const cy = v < 0.24 ? 0.24 : v > 0.6 ? 0.6 : v;
  return (u - cx) ** 2 + (v - cy) ** 2 > r * r;
}

const BLUE = [0, 94, 162, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

fs.writeFileSync(path.join(out, 'color.png'), png(192, (x, y) => (inMark((x + 0.5) / 192, (y + 0.5) / 192) ? WHITE : BLUE)));
fs.writeFileSync(path.join(out, 'outline.png'), png(32, (x, y) => (inMark((x + 0.5) / 32, (y + 0.5) / 32) ? WHITE : CLEAR)));
console.log(`wrote ${out}/color.png and outline.png`);
