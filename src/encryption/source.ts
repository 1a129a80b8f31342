/**
 * Finding a hand-written encryption configuration: the ConfigMaps and Secrets of the cdk8s app, and
 * a YAML parser.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { namespaceOf } from '../model/naming';
import { parse } from 'yaml';

/** What the checks read of a ConfigMap or Secret. */
export interface DataObject {
  readonly data?: Record<string, string>;
  readonly stringData?: Record<string, string>;
}

/** The ConfigMaps and Secrets of the app, by kind, namespace and name. */
export interface AppObjects {
  /** The object's JSON, or undefined when the app has none of that kind, namespace and name. */
  find(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): DataObject | undefined;
}

/**
 * The ConfigMaps and Secrets of the app that holds `scope`. The app is searched when a check looks
 * an object up, which happens only for a configuration wired by hand.
 */
export function appObjectsOf(scope: IConstruct): AppObjects {
  return {
    find: (kind, namespace, name) => {
      const found = scope.node.root.node.findAll().find((c) => c instanceof ApiObject
        && c.apiVersion === 'v1' && c.kind === kind && c.name === name
        && namespaceOf(c, c.metadata.namespace) === namespace);
      return found ? (found as ApiObject).toJson() as DataObject : undefined;
    },
  };
}

/** Parses one YAML document strictly (duplicate keys are errors), or throws with the parser's message. */
export function parseYaml(text: string): unknown {
  return parse(text, { strict: true, uniqueKeys: true });
}
