import type { ApiServerModel } from '../model/types';
import { LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME } from '../model/naming';
import { Problems } from '../problems';
import { isLabelValue, isQualifiedName, keyField, q } from './grammar';

/** The labels the construct sets itself, which the user may not override. */
const RESERVED_LABELS = [LABEL_NAME, LABEL_INSTANCE, LABEL_MANAGED_BY];

const KEY_RULE = 'a key is an optional DNS subdomain prefix and "/", then a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

/** The largest total size of an object's annotations, as the API server enforces it. */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** cdk8s' serializer takes an own key "constructor" for the object's class, and fails. */
const UNRENDERABLE_KEY = 'constructor';

/** Label keys and values, annotation keys, and labels that would override the construct's own. */
export function checkMetadata(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  for (const [key, value] of Object.entries(input.labels)) {
    const field = keyField('labels', key);
    if (key === UNRENDERABLE_KEY) {
      problems.add(field, 'cdk8s cannot render a label key named "constructor"', 'use a prefixed key, such as "example.com/constructor"');
      continue;
    }
    if (RESERVED_LABELS.includes(key)) {
      problems.add(field, `the label ${q(key)} is set by the construct (it selects the API server pods) and cannot be overridden`,
        `remove it from labels; use another key, such as "example.com/${key.split('/').pop()}"`);
      continue;
    }
    if (!isQualifiedName(key)) {
      problems.add(field, `${q(key)} is not a valid label key (${KEY_RULE})`, 'rename the label key, for example "example.com/team"');
    }
    if (!isLabelValue(value)) {
      problems.add(field, `${q(value)} is not a valid label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, or empty`,
        'shorten or reword the value, or put it in annotations, which take any text');
    }
  }

  for (const [prop, annotations] of [['annotations', input.annotations], ['serviceAnnotations', input.serviceAnnotations]] as const) {
    let size = 0;
    for (const [key, value] of Object.entries(annotations)) {
      size += key.length + String(value).length;
      if (key === UNRENDERABLE_KEY) {
        problems.add(keyField(prop, key), 'cdk8s cannot render an annotation key named "constructor"', 'use a prefixed key, such as "example.com/constructor"');
      } else if (!isQualifiedName(key)) {
        problems.add(keyField(prop, key), `${q(key)} is not a valid annotation key (${KEY_RULE})`,
          'rename the annotation key, for example "example.com/owner"');
      }
      if (typeof value !== 'string') {
        problems.add(keyField(prop, key), `annotation values are strings, not ${typeof value}`, `write it as a string: ${q(value)}`);
      }
    }
    if (size > MAX_ANNOTATIONS_BYTES) {
      problems.add(prop, `the annotations take ${size} bytes, more than the ${MAX_ANNOTATIONS_BYTES} Kubernetes allows on one object`,
        'move large data into a ConfigMap');
    }
  }
}
