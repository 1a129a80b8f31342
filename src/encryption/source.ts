/**
 * Finding a hand-written encryption configuration: the ConfigMaps and Secrets of the cdk8s app, and
 * a YAML parser.
 */
import { dirname } from 'path';
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/** What the checks read of a ConfigMap or Secret. @internal */
export interface DataObject {
  readonly data?: Record<string, string>;
  readonly stringData?: Record<string, string>;
}

/** The ConfigMaps and Secrets of the app, by kind, namespace and name. @internal */
export interface AppObjects {
  /** The object's JSON, or undefined when the app has none of that kind, namespace and name. */
  find(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): DataObject | undefined;
}

/**
 * Scans the app once, on the first look-up, for ConfigMaps and Secrets; later look-ups read the
 * index. Build one per model: the scan runs only when a hand-made configuration is referenced.
 * @internal
 */
export class AppObjectIndex implements AppObjects {
  private index?: Map<string, ApiObject>;
  /** The JSON of the objects looked up, made on the first look-up (most models never look one up). */
  private json?: Map<string, DataObject>;

  constructor(private readonly scope: IConstruct) {}

  public find(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): DataObject | undefined {
    const id = `${kind}/${namespace}/${name}`;
    if (!this.index) {
      this.index = new Map();
      for (const c of this.scope.node.root.node.findAll()) {
        if (c instanceof ApiObject && c.apiVersion === 'v1' && (c.kind === 'ConfigMap' || c.kind === 'Secret')) {
          const ns = c.metadata.namespace ?? Chart.of(c).namespace ?? 'default';
          const key = `${c.kind}/${ns}/${c.name}`;
          if (!this.index.has(key)) {
            this.index.set(key, c);
          }
        }
      }
    }
    const object = this.index.get(id);
    if (!object) {
      return undefined;
    }
    this.json ??= new Map();
    let json = this.json.get(id);
    if (json === undefined) {
      json = object.toJson() as DataObject;
      this.json.set(id, json);
    }
    return json;
  }
}

type YamlModule = { parse(text: string, options?: object): unknown };
let yamlModule: YamlModule | undefined;

/**
 * Parses one YAML document, or throws with the parser's message. Uses the `yaml` package that cdk8s
 * bundles (cdk8s exposes no string parser), resolved from cdk8s's own directory.
 */
export function parseYaml(text: string): unknown {
  if (!yamlModule) {
    const cdk8sDir = dirname(require.resolve('cdk8s/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    yamlModule = require(require.resolve('yaml', { paths: [cdk8sDir] })) as YamlModule;
  }
  return yamlModule.parse(text, { strict: true, uniqueKeys: true });
}
