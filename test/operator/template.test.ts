/**
 * What the operator's template rendering does to values: html/template escaping
 * (operator/pkg/util/template.go) and go-yaml v2's reading of plain scalars (sigs.k8s.io/yaml,
 * used by the decoder in operator/pkg/controlplane/apiserver/apiserver.go).
 */
import { htmlEscape, OperatorError, resolvePlainScalar, templatedString, TemplateNotMirrored } from './template';

test('htmlEscape escapes what html/template escapes in text, nothing else', () => {
  expect(htmlEscape(`a+b&c<d>e"f'g`)).toBe('a&#43;b&amp;c&lt;d&gt;e&#34;f&#39;g');
  expect(htmlEscape('registry.k8s.io/kube-apiserver:v1.36.2@sha256:0f1e')).toBe('registry.k8s.io/kube-apiserver:v1.36.2@sha256:0f1e');
  expect(htmlEscape('10.96.0.0/12,fd00::/108')).toBe('10.96.0.0/12,fd00::/108');
});

describe('resolvePlainScalar (YAML 1.1 as go-yaml v2 reads it)', () => {
  test.each([
    ['karmada-demo', 'karmada-demo'],
    ['yes', true], ['Y', true], ['on', true], ['TRUE', true],
    ['no', false], ['n', false], ['off', false], ['False', false],
    ['', null], ['~', null], ['null', null], ['NULL', null],
    ['123', 123], ['-7', -7], ['+7', 7], ['0x1f', 31], ['017', 15], ['0o17', 15], ['1_000', 1000], ['0b101', 5],
    ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['09', 9],
    ['.inf', Infinity], ['-.Inf', -Infinity],
    ['2024-01-02', '2024-01-02'], // a timestamp stays a string
    ['1-2', '1-2'], ['0x', '0x'], ['v1.36.2', 'v1.36.2'], ['1.2.3', '1.2.3'], ['yess', 'yess'], ['10.96.0.0/12', '10.96.0.0/12'],
  ])('%j reads as %j', (text, value) => {
    expect(resolvePlainScalar(text)).toEqual(value);
  });

  test('.nan is not a number', () => {
    expect(resolvePlainScalar('.nan')).toBeNaN();
  });
});

describe('templatedString', () => {
  test('keeps ordinary values, escapes HTML characters, reads a null as the empty string', () => {
    expect(templatedString('image', 'registry.k8s.io/kube-apiserver:v1.36.2')).toBe('registry.k8s.io/kube-apiserver:v1.36.2');
    expect(templatedString('image', 'kube-apiserver:v1.36.2+k3s1')).toBe('kube-apiserver:v1.36.2&#43;k3s1');
    expect(templatedString('app.kubernetes.io/instance', 'null')).toBe('');
    expect(templatedString('flag', 'yes', '--x=')).toBe('--x=yes');
  });

  test('a value YAML reads as a boolean or number makes the operator fail', () => {
    expect(() => templatedString('app.kubernetes.io/instance', 'on')).toThrow(OperatorError);
    expect(() => templatedString('metadata.namespace', '123')).toThrow(
      'decoding the operator\'s template fails: metadata.namespace is "123", which YAML reads as a number, not a string',
    );
  });

  test('a value that would change the YAML structure is not mirrored', () => {
    for (const v of ['a: b', 'a #b', '[a]', '*a', '- a', 'a\nb']) {
      expect(() => templatedString('image', v)).toThrow(TemplateNotMirrored);
    }
    expect(() => templatedString('flag', '10.0.0.0/8 # x', '--service-cluster-ip-range=')).toThrow(TemplateNotMirrored);
  });
});
