import { ruleTester } from '../../test/ruleTester';
import rule from './ingress-tls';

ruleTester(rule, {
  valid: [
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n  rules:\n  - host: shop.example.com\n',
    { name: 'not an Ingress', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n' },
  ],
  invalid: [
    {
      name: 'no tls: snippet with the hosts',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths: []\n  - host: www.example.com\n',
      errors: [{ line: 4, column: 9, message: 'Ingress "shop" has no TLS section: shop.example.com, www.example.com are served over plain HTTP.' }],
      suggestions: [
        {
          title: 'Add spec.tls with Secret "shop-tls" (review)',
          output: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths: []\n  - host: www.example.com\n  tls:\n  - hosts:\n    - shop.example.com\n    - www.example.com\n    secretName: shop-tls  # review: Secret with the certificate (e.g. issued by cert-manager)\n',
        },
      ],
    },
    {
      name: 'empty tls list, multi-document and List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: Ingress\n  metadata: {name: a}\n  spec:\n    tls: []\n    defaultBackend: {service: {name: a, port: {number: 80}}}\n',
      errors: [{ line: 13, column: 5, message: /Ingress "a" has no TLS section: its hosts are served/ }],
    },
  ],
});
