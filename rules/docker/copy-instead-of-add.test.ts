import { ruleTester } from '../../test/ruleTester';
import rule from './copy-instead-of-add';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app.py /app/',
    { name: 'trivy DS-0005 good example: archive', code: 'FROM alpine:3.13\nUSER mike\nADD "/target/resources.tar.gz" "resources"' },
    { name: 'URL with checksum', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.bin /a.bin' },
    { name: 'git', code: 'FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.14.0 /src\nADD git@github.com:user/repo.git /repo' },
    { name: 'compressed archives', code: 'FROM alpine:3.20\nADD rootfs.tgz /\nADD data.tar.xz /data/' },
    { name: 'variables could be URLs', code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /x' },
    { name: 'explicit unpack', code: 'FROM alpine:3.20\nADD --unpack=true bundle /x' },
  ],
  invalid: [
    {
      name: 'trivy DS-0005 bad example',
      code: 'FROM alpine:3.13\nUSER mike\nADD "/target/resources.tar.gz" "resources.jar"\nADD "/target/app.jar" "app.jar"',
      errors: [{ line: 4, column: 1, endColumn: 4, message: /Use COPY instead of ADD/ }],
      output: 'FROM alpine:3.13\nUSER mike\nADD "/target/resources.tar.gz" "resources.jar"\nCOPY "/target/app.jar" "app.jar"',
    },
    {
      name: 'flags valid for COPY are kept, lower-case keyword, multi-stage',
      code: 'FROM alpine:3.20 AS a\nadd --chown=10001:10001 --chmod=644 src/ /app/\nFROM a\nADD ["a b.txt", "c.txt", "/dst/"]',
      errors: [{ line: 2, column: 1 }, { line: 4, column: 1 }],
      output: 'FROM alpine:3.20 AS a\ncopy --chown=10001:10001 --chmod=644 src/ /app/\nFROM a\nCOPY ["a b.txt", "c.txt", "/dst/"]',
    },
    {
      name: 'ADD-only flag: reported, not fixed',
      code: 'FROM alpine:3.20\nADD --unpack=false bundle.bin /x',
      errors: [{ line: 2, column: 1 }],
      output: null,
    },
    {
      name: 'a wildcard that may match an archive (which ADD extracts): reported, not fixed',
      code: 'FROM alpine:3.20\nADD vendor/* /opt/vendor/',
      errors: [{ line: 2, column: 1 }],
      output: null,
    },
    {
      name: 'a wildcard with a literal non-archive extension is fixed',
      code: 'FROM alpine:3.20\nADD conf/*.ini /etc/app/',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nCOPY conf/*.ini /etc/app/',
    },
  ],
});
