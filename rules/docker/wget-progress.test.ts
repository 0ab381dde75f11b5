import { ruleTester } from '../../test/ruleTester';
import rule from './wget-progress';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz',
    'FROM debian:12\nRUN wget -q https://example.com/a.tgz',
    'FROM debian:12\nRUN wget -qO- https://example.com/install.sh | sh',
    'FROM debian:12\nRUN wget -nv https://example.com/a.tgz',
    'FROM debian:12\nRUN wget --no-verbose -O /tmp/a https://example.com/a.tgz',
    'FROM debian:12\nRUN wget -o /tmp/wget.log https://example.com/a.tgz',
    'FROM debian:12\nRUN ["wget", "--quiet", "https://example.com/a.tgz"]',
    'FROM debian:12\nRUN apt-get install -y wget',
    'FROM debian:12\nRUN command -v wget || apt-get install -y wget',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget https://example.com/a.tgz',
      errors: [{ line: 2, column: 5, endColumn: 9, message: '`wget` without `--progress` fills the build log with progress output; add `--progress=dot:giga` (or `-nv`).' }],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz',
    },
    {
      name: '-O is not quiet; JSON form; continuation',
      code: 'FROM debian:12\nRUN ["wget", "-O", "/tmp/a", "https://example.com/a"]\nRUN set -e \\\n && wget -O /tmp/b https://example.com/b',
      errors: [{ line: 2, column: 6 }, { line: 4, column: 5 }],
      output: 'FROM debian:12\nRUN ["wget", "--progress=dot:giga", "-O", "/tmp/a", "https://example.com/a"]\nRUN set -e \\\n && wget --progress=dot:giga -O /tmp/b https://example.com/b',
    },
    {
      name: 'Alpine (through a stage and an ARG) gets a -q suggestion, no fix',
      code: 'ARG BASE=alpine:3.20\nFROM ${BASE} AS base\nFROM base\nRUN wget https://example.com/a.tgz',
      errors: [{ line: 4, column: 5, message: /add `-q`/ }],
      output: null,
      suggestions: [{ title: 'Add -q', output: 'ARG BASE=alpine:3.20\nFROM ${BASE} AS base\nFROM base\nRUN wget -q https://example.com/a.tgz' }],
    },
    {
      name: 'heredoc',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\nset -e\nwget https://example.com/a.tgz\nEOF',
      errors: [{ line: 4, column: 1 }],
      output: 'FROM ubuntu:24.04\nRUN <<EOF\nset -e\nwget --progress=dot:giga https://example.com/a.tgz\nEOF',
    },
  ],
});
