import type { ApiServerModel } from '../model/types';
import { LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME } from '../model/naming';
import { Problems, keyField, q } from '../problems';

/** The labels the construct sets itself, which the user may not override. */
const RESERVED_LABELS = [LABEL_NAME, LABEL_INSTANCE, LABEL_MANAGED_BY];

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
  for (const [prop, annotations] of [['annotations', input.annotations], ['serviceAnnotations', input.serviceAnnotations]] as const) {
    if (Object.prototype.hasOwnProperty.call(annotations, UNRENDERABLE_KEY)) {
      problems.add(keyField(prop, UNRENDERABLE_KEY), 'cdk8s cannot render an annotation key named "constructor"', 'use a prefixed key, such as "example.com/constructor"');
    }
  }
}
