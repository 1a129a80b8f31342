import { ENCRYPTION_SECRET_CHECKSUM_ANNOTATION } from '../encryption/step';
import { CONFIG_CHECKSUM_ANNOTATION } from '../model/layout';
import { LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME } from '../model/naming';
import type { ApiServerModel } from '../model/types';
import { Problems, keyField, q } from '../problems';

/** The labels the construct sets itself, which the user may not override. */
const RESERVED_LABELS = [LABEL_NAME, LABEL_INSTANCE, LABEL_MANAGED_BY];

/** The pod annotations the construct sets itself (checksums that roll the pods when a file changes). */
const RESERVED_ANNOTATIONS = [CONFIG_CHECKSUM_ANNOTATION, ENCRYPTION_SECRET_CHECKSUM_ANNOTATION];

/** cdk8s' serializer takes an own key "constructor" for the object's class, and fails. */
const UNRENDERABLE_KEY = 'constructor';

/**
 * Labels that would override the construct's own, and keys cdk8s cannot render. The grammar of
 * keys and values is checked as Kubernetes checks the rendered objects.
 */
export function checkMetadata(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  for (const key of Object.keys(input.labels)) {
    const field = keyField('labels', key);
    if (key === UNRENDERABLE_KEY) {
      problems.add(field, 'cdk8s cannot render a label key named "constructor"', 'use a prefixed key, such as "example.com/constructor"');
    } else if (RESERVED_LABELS.includes(key)) {
      problems.add(field, `the label ${q(key)} is set by the construct (it selects the API server pods) and cannot be overridden`,
        `remove it from labels; use another key, such as "example.com/${key.split('/').pop()}"`);
    }
  }
  for (const [key, value] of Object.entries(input.chartLabels)) {
    const ours = model.objectLabels[key];
    if (RESERVED_LABELS.includes(key) && value !== ours) {
      problems.add(keyField('chart labels', key), `the chart ${input.chartPath || '(root)'} labels every object ${key}=${q(value)}, and the construct sets ${q(ours)} there (it selects the API server pods), so one of the two would be lost`,
        `remove ${q(key)} from the chart's labels`);
    }
  }
  for (const key of RESERVED_ANNOTATIONS) {
    if (Object.prototype.hasOwnProperty.call(input.annotations, key)) {
      problems.add(keyField('annotations', key), `the annotation ${q(key)} is set by the construct (a checksum that rolls the pods when their configuration changes), and yours would be lost`,
        'remove it, or use another key');
    }
  }
  for (const [prop, annotations] of [['annotations', input.annotations], ['serviceAnnotations', input.serviceAnnotations]] as const) {
    if (Object.prototype.hasOwnProperty.call(annotations, UNRENDERABLE_KEY)) {
      problems.add(keyField(prop, UNRENDERABLE_KEY), 'cdk8s cannot render an annotation key named "constructor"', 'use a prefixed key, such as "example.com/constructor"');
    }
  }
}
