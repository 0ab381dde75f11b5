import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-ecdh-curve-unsupported';

ruleTester(rule, {
  valid: [
    { name: 'classic groups', code: 'http {\n    ssl_ecdh_curve X25519:prime256v1:secp384r1;\n}\n' },
    { name: 'gixy: post-quantum group with the ? prefix', code: 'http {\n    ssl_ecdh_curve ?X25519MLKEM768:X25519:prime256v1;\n}\n' },
    { name: 'auto', code: 'server {\n    ssl_ecdh_curve auto;\n}\n' },
  ],
  invalid: [
    {
      name: "Mozilla 6.0's generated list",
      code: 'http {\n    ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1:secp384r1;\n}\n',
      errors: [{ line: 2, column: 5, message: 'ssl_ecdh_curve names the post-quantum group "X25519MLKEM768" without the "?" prefix: with OpenSSL older than 3.5 nginx refuses to start. Prefix it with "?" (needs OpenSSL 3.3+) or remove it.' }],
      output: null,
      suggestions: [
        { title: /Prefix with "\?"/, output: 'http {\n    ssl_ecdh_curve ?X25519MLKEM768:X25519:prime256v1:secp384r1;\n}\n' },
        { title: /Remove the post-quantum group \(any OpenSSL\)/, output: 'http {\n    ssl_ecdh_curve X25519:prime256v1:secp384r1;\n}\n' },
      ],
    },
    {
      name: 'Kyber draft and SecP256r1MLKEM768, quoted, one already tolerant',
      code: 'server {\n    ssl_ecdh_curve "X25519Kyber768Draft00:?X25519MLKEM768:SecP256r1MLKEM768";\n}\n',
      errors: [{ line: 2, column: 5, message: /groups "X25519Kyber768Draft00", "SecP256r1MLKEM768" without/ }],
      suggestions: [
        { title: /Prefix/, output: 'server {\n    ssl_ecdh_curve "?X25519Kyber768Draft00:?X25519MLKEM768:?SecP256r1MLKEM768";\n}\n' },
        { title: /Remove the post-quantum groups.*X25519:prime256v1:secp384r1/, output: 'server {\n    ssl_ecdh_curve "X25519:prime256v1:secp384r1";\n}\n' },
      ],
    },
    {
      name: 'stream, CRLF',
      code: 'stream {\r\n    ssl_ecdh_curve x25519mlkem768:X25519;\r\n}\r\n',
      errors: [{ line: 2, column: 5 }],
      suggestions: [
        { title: /Prefix/, output: 'stream {\r\n    ssl_ecdh_curve ?x25519mlkem768:X25519;\r\n}\r\n' },
        { title: /Remove/, output: 'stream {\r\n    ssl_ecdh_curve X25519;\r\n}\r\n' },
      ],
    },
  ],
});
