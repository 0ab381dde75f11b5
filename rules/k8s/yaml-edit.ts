// Minimal text edits on YAML source for Kubernetes fixes. Every edit touches only the lines it has
// to: comments, key order, indentation, quoting and the other documents of the file stay as they
// are. Each function returns the edits, or null when no safe minimal edit exists (flow-style
// collections that would need reformatting, anchors, aliases, tags, JSON manifests, a path through
// something that is not a map).
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../text';
import type { TextEdit } from '../types';

type Edits = TextEdit[] | null;

// ---------------------------------------------------------------------------------------------
// Small helpers over the text

function edit(index: LineIndex, start: number, end: number, newText: string): TextEdit {
  return { range: index.range(start, end), newText };
}

function spaces(n: number): string {
  return ' '.repeat(Math.max(0, n));
}

function column(index: LineIndex, offset: number): number {
  return index.positionAt(offset).character;
}

/** Line holding the last character before `end` (a range that ends just after a line break ends on the line before it). */
function lastLineOf(index: LineIndex, start: number, end: number): number {
  const c = index.text.charCodeAt(end - 1);
  if (end > start && (c === 10 || c === 13)) return index.positionAt(end - 1).line;
  return index.positionAt(end).line;
}

/** Only spaces and tabs before `offset` on its line? */
function startsLine(index: LineIndex, offset: number): boolean {
  const pos = index.positionAt(offset);
  return /^[ \t]*$/.test(index.text.slice(index.lineStart(pos.line), offset));
}

function indentOf(lineText: string): number {
  return /^[ \t]*/.exec(lineText)![0].length;
}

/** Edit that inserts whole lines after `line` (before the next line, or at the end of a text without a final line break). */
function insertLinesAfter(index: LineIndex, line: number, lines: string[]): TextEdit {
  const eol = index.eol;
  if (line + 1 < index.lineCount) {
    const at = index.lineStart(line + 1);
    return edit(index, at, at, lines.join(eol) + eol);
  }
  const at = index.lineEnd(line);
  return edit(index, at, at, eol + lines.join(eol));
}

/** Edit that removes lines [first, last]; a text without a final line break keeps having none. */
function deleteLines(index: LineIndex, first: number, last: number): TextEdit {
  if (last + 1 < index.lineCount) return edit(index, index.lineStart(first), index.lineStart(last + 1), '');
  if (first === 0) return edit(index, 0, index.text.length, '');
  return edit(index, index.lineEnd(first - 1), index.text.length, '');
}

/** Edit that replaces lines [first, last] with `lines`. */
function replaceLines(index: LineIndex, first: number, last: number, lines: string[]): TextEdit {
  const eol = index.eol;
  if (last + 1 < index.lineCount) return edit(index, index.lineStart(first), index.lineStart(last + 1), lines.join(eol) + eol);
  return edit(index, index.lineStart(first), index.text.length, lines.join(eol));
}

/**
 * Last line an insertion at the end of a block may go after: `line` itself, or the last of the
 * comment lines right after it that are indented at least `minIndent` (they belong to the block;
 * comments indented less belong to an outer level and stay after the insertion).
 */
function afterTrailingComments(index: LineIndex, line: number, minIndent: number): number {
  let result = line;
  for (let l = line + 1; l < index.lineCount; l++) {
    const t = index.lineText(l);
    if (!t.trim()) continue;
    if (!/^[ \t]*#/.test(t) || indentOf(t) < minIndent) break;
    result = l;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// File style: indentation unit and how block sequences are indented under their key

interface Style {
  /** Spaces per nesting level of block maps (2 or 4, ...). */
  unit: number;
  /** Column of `- ` relative to the key that holds the sequence (0 or 2, ...). */
  seqIndent: number;
}

const styles = new WeakMap<LineIndex, Style>();

function mostFrequent(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Column where the key of a line starts, after its indentation and any `- ` markers. */
function keyColumn(lineText: string): number {
  return /^[ \t]*(?:-[ \t]+)*/.exec(lineText)![0].length;
}

function detectStyle(index: LineIndex): Style {
  const cached = styles.get(index);
  if (cached) return cached;
  const unitCounts = new Map<number, number>();
  const seqCounts = new Map<number, number>();
  let prev: { keyCol: number; opensBlock: boolean } | null = null;
  let blockScalarIndent = -1;
  for (let l = 0; l < index.lineCount; l++) {
    const t = index.lineText(l);
    if (!t.trim()) continue;
    const indent = indentOf(t);
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (/^[ \t]*#/.test(t) || /^(---|\.\.\.)(\s|$)/.test(t) || t.startsWith('%')) continue;
    const body = t.replace(/[ \t]+#.*$/, '').trimEnd();
    if (prev?.opensBlock) {
      const isItem = /^[ \t]*-([ \t]|$)/.test(t);
      const delta = indent - prev.keyCol;
      if (isItem && delta >= 0 && delta <= 8) seqCounts.set(delta, (seqCounts.get(delta) ?? 0) + 1);
      else if (!isItem && delta > 0 && delta <= 8) unitCounts.set(delta, (unitCounts.get(delta) ?? 0) + 1);
    }
    if (/(:|^[ \t]*-)[ \t]*[|>][-+0-9]*$/.test(body)) blockScalarIndent = indent;
    prev = { keyCol: keyColumn(t), opensBlock: /:$/.test(body) };
  }
  const unit = mostFrequent(unitCounts) ?? 2;
  const style = { unit, seqIndent: mostFrequent(seqCounts) ?? unit };
  styles.set(index, style);
  return style;
}

/** Is `offset` in a document whose root is a flow collection (a JSON manifest)? */
function inFlowDocument(index: LineIndex, offset: number): boolean {
  const text = index.text;
  let start = 0;
  for (let l = index.positionAt(offset).line; l >= 0; l--) {
    if (/^---(\s|$)/.test(index.lineText(l))) {
      start = index.lineStart(l) + 3;
      break;
    }
  }
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else if (c === '#' || (c === '%' && (i === 0 || text[i - 1] === '\n'))) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '-' && text.startsWith('---', i) && (i === 0 || text[i - 1] === '\n')) i += 3;
    else return c === '{' || c === '[';
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Nodes

/** Does the subtree hold an anchor (removing or replacing it could break aliases elsewhere)? */
function hasAnchor(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  let found = false;
  visit(node as Node, {
    Node(_key, n) {
      if ((n as { anchor?: string }).anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function hasProps(node: unknown): boolean {
  const n = node as { anchor?: string; tag?: string } | null | undefined;
  return !!(n?.anchor || n?.tag);
}

function isEmptyScalar(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  return isScalar(node) && !!node.range && node.range[0] === node.range[1] && node.value === null && !hasProps(node);
}

function isBlockCollection(node: unknown): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

/** Offset just after the last character of content of a node (without trailing comments or blank lines). */
function contentEnd(node: Node): number {
  if (isMap(node) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1];
    const v = last.value as Node | null;
    if (v && v.range && !(isScalar(v) && v.range[0] === v.range[1])) return contentEnd(v);
    return Math.max((last.key as Node).range![1], v?.range?.[1] ?? 0);
  }
  if (isSeq(node) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1] as Node | null;
    if (last?.range) return contentEnd(last);
  }
  return node.range![1];
}

function lastLine(index: LineIndex, node: Node): number {
  return lastLineOf(index, node.range![0], contentEnd(node));
}

function findPair(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** Offset of the `:` after a pair's key (null for complex or explicit keys). */
function colonAfterKey(index: LineIndex, pair: Pair<unknown, unknown>): number | null {
  const key = pair.key as Node;
  if (!isScalar(key) || !key.range || hasProps(key)) return null;
  let i = key.range[1];
  while (index.text[i] === ' ' || index.text[i] === '\t') i++;
  return index.text[i] === ':' ? i : null;
}

/** Column of a block map's keys. */
function keyIndent(index: LineIndex, map: YAMLMap): number {
  return column(index, (map.items[0].key as Node).range![0]);
}

/** Offset of the `-` of a block sequence's item (null when it cannot be found safely). */
function dashOf(index: LineIndex, seq: YAMLSeq, i: number): number | null {
  const dashCol = column(index, seq.range![0]);
  if (i === 0) return index.text[seq.range![0]] === '-' ? seq.range![0] : null;
  const item = seq.items[i] as Node | null;
  if (!item?.range) return null;
  const line = index.positionAt(item.range[0]).line;
  for (const l of [line, line - 1]) {
    if (l < 0) continue;
    const t = index.lineText(l);
    if (indentOf(t) === dashCol && /^-([ \t]|$)/.test(t.slice(dashCol)) && (l === line || t.trim() === '-')) return index.lineStart(l) + dashCol;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rendering a YAML snippet written at indentation 0 in the file's style

type Rendered = { inline: string } | { block: (indent: number) => string[]; isSeq: boolean };

function needsQuotes(key: string): boolean {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.\/-]*$/.test(key)) return true;
  return /^(true|false|yes|no|on|off|null|y|n|[-+]?[0-9][0-9_.eExXoO]*)$/i.test(key);
}

function keyText(key: string): string {
  return needsQuotes(key) ? JSON.stringify(key) : key;
}

function hasComments(node: unknown): boolean {
  let found = false;
  visit(node as Node, {
    Node(_key, n) {
      const c = n as { comment?: string | null; commentBefore?: string | null };
      if (c.comment || c.commentBefore) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_key, p) {
      const k = p.key as { comment?: string | null; commentBefore?: string | null } | null;
      if (k && (k.comment || k.commentBefore)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Lines of a parsed snippet node at `indent`, keeping the snippet's scalar text; null for what it cannot write. */
function emit(src: string, node: Node, indent: number, style: Style): string[] | null {
  const pad = spaces(indent);
  const inlineText = (n: Node): string | null => {
    if (hasProps(n) || isAlias(n) || !n.range) return null;
    if (isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED')) return null;
    const t = src.slice(n.range[0], n.range[1]);
    return /[\r\n]/.test(t) ? null : t;
  };
  if (isMap(node) && !node.flow) {
    const out: string[] = [];
    for (const pair of node.items) {
      const k = pair.key as Node;
      if (!isScalar(k)) return null;
      const kt = inlineText(k);
      if (kt === null) return null;
      const v = pair.value as Node | null;
      if (!v || (isScalar(v) && v.range && v.range[0] === v.range[1] && !hasProps(v))) out.push(`${pad}${kt}:`);
      else if (isBlockCollection(v)) {
        if (hasProps(v)) return null;
        const sub = emit(src, v, indent + (isSeq(v) ? style.seqIndent : style.unit), style);
        if (!sub) return null;
        out.push(`${pad}${kt}:`, ...sub);
      } else {
        const vt = inlineText(v);
        if (vt === null) return null;
        out.push(`${pad}${kt}: ${vt}`);
      }
    }
    return out;
  }
  if (isSeq(node) && !node.flow) {
    const out: string[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (!item || (isScalar(item) && item.range && item.range[0] === item.range[1] && !hasProps(item))) out.push(`${pad}-`);
      else if (isBlockCollection(item)) {
        if (hasProps(item)) return null;
        const sub = emit(src, item, indent + 2, style);
        if (!sub || !sub.length) return null;
        out.push(`${pad}- ${sub[0].slice(indent + 2)}`, ...sub.slice(1));
      } else {
        const t = inlineText(item);
        if (t === null) return null;
        out.push(`${pad}- ${t}`);
      }
    }
    return out;
  }
  const t = inlineText(node);
  return t === null ? null : [`${pad}${t}`];
}

/** A value snippet: a one-line scalar or flow collection (inline), or a block map / sequence. */
function render(valueYaml: string, style: Style): Rendered | null {
  const src = valueYaml.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  if (!src.trim()) return null;
  const doc = parseDocument(src, { prettyErrors: false });
  if (doc.errors.length || doc.warnings.length) return null;
  const node = doc.contents as Node | null;
  if (!node) return null;
  if (!isBlockCollection(node)) {
    if (/\n/.test(src) || isAlias(node) || (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'))) return null;
    return { inline: src.trim() };
  }
  if (hasProps(node) || hasAnchor(node)) return null;
  const seq = isSeq(node);
  if (hasComments(doc.contents) || doc.commentBefore || doc.comment) {
    // Keep the snippet as written (comments included), shifted to the target indentation.
    const lines = src.split('\n');
    return { isSeq: seq, block: (indent) => lines.map((l) => (l.trim() ? spaces(indent) + l : l)) };
  }
  if (!emit(src, node, 0, style)) return null;
  return { isSeq: seq, block: (indent) => emit(src, node, indent, style)! };
}

/** Lines `k1:\n  k2: value` for a path of new keys at `indent`. */
function pairLines(path: string[], value: Rendered, indent: number, style: Style): string[] {
  const [k, ...rest] = path;
  const head = `${spaces(indent)}${keyText(k)}:`;
  if (rest.length) return [head, ...pairLines(rest, value, indent + style.unit, style)];
  if ('inline' in value) return [`${head} ${value.inline}`];
  return [head, ...value.block(indent + (value.isSeq ? style.seqIndent : style.unit))];
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * Set `path` (keys, creating missing maps) under `map` to the YAML value text `valueYaml`: a
 * one-line scalar or flow value (`true`, `"100m"`), or a block map / sequence written at
 * indentation 0 ("type: RuntimeDefault", "- ALL", "drop:\n  - ALL"), re-indented in the file's style.
 */
export function setPath(index: LineIndex, map: YAMLMap, path: string[], valueYaml: string): Edits {
  if (!path.length || !isMap(map) || map.flow || !map.range || !map.items.length) return null;
  if (inFlowDocument(index, map.range[0])) return null;
  const style = detectStyle(index);
  const value = render(valueYaml, style);
  if (!value) return null;
  let cur: YAMLMap = map;
  for (let i = 0; i < path.length; i++) {
    if (hasProps(cur) || cur.flow || !cur.items.length) return null;
    if (cur.items.some((p) => isAlias(p.key) || hasProps(p.key))) return null;
    const pair = findPair(cur, path[i]);
    if (!pair) return insertPairs(index, cur, path.slice(i), value, style);
    const v = pair.value as Node | null;
    if (isAlias(v) || hasProps(v)) return null;
    if (i === path.length - 1) return replaceValue(index, pair, value, style);
    if (isMap(v) && !v.flow && v.items.length) {
      cur = v;
      continue;
    }
    const emptyMap = isMap(v) && v.flow && v.items.length === 0;
    const nullScalar = isEmptyScalar(v) || (isScalar(v) && v.value === null);
    if (!emptyMap && !nullScalar) return null;
    return fillEmpty(index, pair, pairLines(path.slice(i + 1), value, 0, style), style);
  }
  return null;
}

/** New pairs for `path` after the last pair of the block map `map`. */
function insertPairs(index: LineIndex, map: YAMLMap, path: string[], value: Rendered, style: Style): Edits {
  const indent = keyIndent(index, map);
  const after = afterTrailingComments(index, lastLine(index, map), indent);
  return [insertLinesAfter(index, after, pairLines(path, value, indent, style))];
}

/** Replace an empty (`key:`, `key: ~`, `key: null`, `key: {}`) value with block `lines` (written at indent 0). */
function fillEmpty(index: LineIndex, pair: Pair<unknown, unknown>, lines: string[], style: Style): Edits {
  const colon = colonAfterKey(index, pair);
  if (colon === null) return null;
  const indent = column(index, (pair.key as Node).range![0]) + style.unit;
  const shifted = lines.map((l) => (l ? spaces(indent) + l : l));
  const v = pair.value as Node | null;
  const colonLine = index.positionAt(colon).line;
  if (isEmptyScalar(v)) return [insertLinesAfter(index, colonLine, shifted)];
  const valueEnd = v?.range && v.range[1] > colon ? v.range[1] : colon + 1;
  if (index.positionAt(valueEnd).line !== colonLine) return null;
  const lineEnd = index.lineEnd(colonLine);
  const eol = index.eol;
  if (!index.text.slice(valueEnd, lineEnd).trim()) return [edit(index, colon + 1, lineEnd, eol + shifted.join(eol))];
  return [edit(index, colon + 1, valueEnd, ''), insertLinesAfter(index, colonLine, shifted)];
}

/** Replace the value of an existing pair. */
function replaceValue(index: LineIndex, pair: Pair<unknown, unknown>, value: Rendered, style: Style): Edits {
  const colon = colonAfterKey(index, pair);
  if (colon === null) return null;
  const v = pair.value as Node | null;
  if (v && hasAnchor(v)) return null;
  const keyCol = column(index, (pair.key as Node).range![0]);
  const colonLine = index.positionAt(colon).line;

  if (isEmptyScalar(v)) {
    if ('inline' in value) return [edit(index, colon + 1, colon + 1, ` ${value.inline}`)];
    return [insertLinesAfter(index, colonLine, value.block(keyCol + (value.isSeq ? style.seqIndent : style.unit)))];
  }
  const node = v!;
  const start = node.range![0];
  const startLine = index.positionAt(start).line;
  const endLine = lastLine(index, node);
  const onKeyLine = startLine === colonLine;

  if ('inline' in value) {
    if (!isBlockCollection(node)) {
      const old = index.text.slice(start, node.range![1]);
      return old === value.inline ? [] : [edit(index, start, node.range![1], value.inline)];
    }
    if (onKeyLine) return null;
    // The old value sits on the following lines: put the new one after the colon, drop those lines.
    if (!startsLine(index, start)) return null;
    return [edit(index, colon + 1, colon + 1, ` ${value.inline}`), deleteLines(index, startLine, endLine)];
  }

  let indent = keyCol + (value.isSeq ? style.seqIndent : style.unit);
  if (isMap(node) && !node.flow && !value.isSeq) indent = keyIndent(index, node);
  if (isSeq(node) && !node.flow && value.isSeq) indent = column(index, start);
  const lines = value.block(indent);
  if (!onKeyLine) {
    if (!startsLine(index, start)) return null;
    return [replaceLines(index, startLine, endLine, lines)];
  }
  // A scalar or flow value on the key line: remove it (keeping a trailing comment), add the block below.
  const valueEnd = node.range![1];
  const lineEnd = index.lineEnd(endLine);
  const eol = index.eol;
  if (!index.text.slice(valueEnd, lineEnd).trim()) return [edit(index, colon + 1, lineEnd, eol + lines.join(eol))];
  return [edit(index, colon + 1, valueEnd, ''), insertLinesAfter(index, endLine, lines)];
}

/**
 * Remove the pair `key` from the block map `map` with all its lines. When it is the map's only
 * pair, remove `opts.removeEmptyParent.key` from `opts.removeEmptyParent.parent` instead (or give
 * null without that option).
 */
export function removeKey(index: LineIndex, map: YAMLMap, key: string, opts?: { removeEmptyParent?: { parent: YAMLMap; key: string } }): Edits {
  if (!isMap(map) || map.flow || !map.range || hasProps(map)) return null;
  if (inFlowDocument(index, map.range[0])) return null;
  const at = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  if (at < 0) return null;
  const pair = map.items[at];
  if (map.items.length === 1) {
    const parent = opts?.removeEmptyParent;
    if (!parent || !isMap(parent.parent) || findPair(parent.parent, parent.key)?.value !== map) return null;
    return removeKey(index, parent.parent, parent.key);
  }
  if (hasAnchor(pair.value) || hasProps(pair.key) || !isScalar(pair.key)) return null;
  const keyStart = (pair.key as Node).range![0];
  const first = index.positionAt(keyStart).line;
  const v = pair.value as Node | null;
  const end = v?.range ? Math.max(contentEnd(v), (pair.key as Node).range![1]) : (pair.key as Node).range![1];
  const last = lastLineOf(index, keyStart, end);
  if (startsLine(index, keyStart)) return [deleteLines(index, first, last)];
  // The first pair of `- key: value` (or another line that starts before the key): pull the next key up.
  if (at !== 0) return null;
  const nextKey = map.items[1].key as Node;
  if (!nextKey?.range || !startsLine(index, nextKey.range[0])) return null;
  const gapStart = last + 1 < index.lineCount ? index.lineStart(last + 1) : index.text.length;
  if (index.text.slice(gapStart, nextKey.range[0]).trim()) return null;
  return [edit(index, keyStart, nextKey.range[0], '')];
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

/** Is `text` one YAML scalar (no map, sequence, comment or error)? */
function isScalarText(text: string): boolean {
  if (/[\r\n]/.test(text) || !text.trim()) return false;
  const doc = parseDocument(`k: ${text}`, { prettyErrors: false });
  if (doc.errors.length || doc.warnings.length) return false;
  const root = doc.contents;
  if (!isMap(root) || root.items.length !== 1) return false;
  const v = root.items[0].value as Node | null;
  return isScalar(v) && !hasProps(v) && !v.comment && v.range![1] - v.range![0] === text.length;
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Replace a scalar's text with `newText`, keeping its quoting style unless `newText` is already quoted. */
export function replaceScalar(index: LineIndex, node: Node, newText: string): Edits {
  if (!isScalar(node) || !node.range || hasProps(node) || isBlockScalar(node)) return null;
  if (/[\r\n]/.test(newText)) return null;
  const [start, end] = node.range;
  const quoted = /^(".*"|'.*')$/s.test(newText);
  let text: string;
  if (inFlowDocument(index, start)) {
    // JSON: strings stay strings, and the result must stay JSON.
    if (quoted) {
      if (!isJsonText(newText)) return null;
      text = newText;
    } else if (node.type === 'QUOTE_DOUBLE' || !isJsonText(newText)) text = JSON.stringify(newText);
    else text = newText;
  } else if (quoted) text = newText;
  else if (node.type === 'QUOTE_DOUBLE') text = JSON.stringify(newText);
  else if (node.type === 'QUOTE_SINGLE') text = `'${newText.replace(/'/g, "''")}'`;
  else text = newText;
  if (!isScalarText(text)) return null;
  return index.text.slice(start, end) === text ? [] : [edit(index, start, end, text)];
}

/** Append an item (YAML written at indentation 0) to a block sequence, indented like its items. */
export function appendToSeq(index: LineIndex, seq: Node, itemYaml: string): Edits {
  if (!isSeq(seq) || seq.flow || !seq.range || !seq.items.length || hasProps(seq)) return null;
  if (inFlowDocument(index, seq.range[0])) return null;
  const dash = dashOf(index, seq, 0);
  if (dash === null || !startsLine(index, dash)) return null;
  const dashCol = column(index, dash);
  const style = detectStyle(index);
  const firstItem = seq.items[0] as Node | null;
  let gap = 2;
  if (firstItem?.range && !hasProps(firstItem) && index.positionAt(firstItem.range[0]).line === index.positionAt(dash).line) {
    gap = Math.max(2, column(index, firstItem.range[0]) - dashCol);
  }
  const value = render(itemYaml, style);
  if (!value) return null;
  let lines: string[];
  if ('inline' in value) lines = [`${spaces(dashCol)}-${spaces(gap - 1)}${value.inline}`];
  else {
    const sub = value.block(dashCol + gap);
    if (!sub.length) return null;
    lines = [`${spaces(dashCol)}-${spaces(gap - 1)}${sub[0].slice(dashCol + gap)}`, ...sub.slice(1)];
  }
  const after = afterTrailingComments(index, lastLine(index, seq), dashCol);
  return [insertLinesAfter(index, after, lines)];
}

/** Remove item `itemIndex` of a block sequence with all its lines (null for its only item). */
export function removeSeqItem(index: LineIndex, seq: Node, itemIndex: number): Edits {
  if (!isSeq(seq) || seq.flow || !seq.range || hasProps(seq)) return null;
  if (itemIndex < 0 || itemIndex >= seq.items.length || seq.items.length < 2) return null;
  if (inFlowDocument(index, seq.range[0])) return null;
  const item = seq.items[itemIndex] as Node | null;
  if (!item?.range || hasAnchor(item)) return null;
  const dash = dashOf(index, seq, itemIndex);
  if (dash === null || !startsLine(index, dash)) return null;
  const first = index.positionAt(dash).line;
  const last = Math.max(first, lastLineOf(index, item.range[0], contentEnd(item)));
  return [deleteLines(index, first, last)];
}
