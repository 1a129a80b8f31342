/**
 * Writes src/kubernetes/generated/schema.ts: the fields of every Kubernetes type reachable from the
 * specs we render, from two sources read with the TypeScript compiler API:
 *
 * - kubernetes-models (Kubernetes 1.33) and @kubernetes-models/apimachinery: the interfaces in their
 *   `.d.ts` files give each field's JSON name, kind, closed string enum and whether it is required.
 *   The declarations say `number` for integers and floats alike; each type's compiled validator
 *   (`_schemas/<OpenAPI name>.js`) tells them apart.
 * - cdk8s-plus-28's `k8s` import (Kubernetes 1.28): the `@schema` tags in lib/imports/k8s.d.ts give
 *   the OpenAPI name of each interface, and the `toJson_*` functions in lib/imports/k8s.js give,
 *   per JSON field, the TypeScript property read (`'hostIPC': obj.hostIpc`) and how its value is
 *   converted, which must agree with the 1.33 kind.
 *
 * Usage: npx ts-node scripts/kubernetes-schema/generate.ts   (test/kubernetes/shape.test.ts checks
 * that the committed file is what this writes).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import type { FieldSchema, LeafKind, TypeSchema, ValueSchema } from '../../src/kubernetes/schema-model';

const REPO = path.resolve(__dirname, '..', '..');
const NODE_MODULES = path.join(REPO, 'node_modules');
const OUTPUT = path.join(REPO, 'src', 'kubernetes', 'generated', 'schema.ts');
const CDK8S_K8S = path.join(NODE_MODULES, 'cdk8s-plus-28', 'lib', 'imports');

/** The specs we render, and the metadata and selectors we give them. */
const ROOTS = [
  'kubernetes-models/apps/v1/DeploymentSpec.d.ts',
  'kubernetes-models/v1/PodSpec.d.ts',
  'kubernetes-models/v1/PodTemplateSpec.d.ts',
  'kubernetes-models/v1/ServiceSpec.d.ts',
  'kubernetes-models/policy/v1/PodDisruptionBudgetSpec.d.ts',
  'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec.d.ts',
  '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts',
  '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector.d.ts',
];

/** Types kubernetes-models declares as aliases of `string` or `string | number`, by OpenAPI name. */
const ALIASED_LEAVES: Readonly<Record<string, LeafKind>> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'intOrString',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
};

/**
 * kubernetes-models does not state the Kubernetes version it was generated from (its README badge
 * is stale); these fields pin it: Lifecycle.stopSignal is new in 1.33, Container.restartPolicyRules
 * in 1.34.
 */
const KUBERNETES_VERSION = '1.33';
const VERSION_EVIDENCE = { present: ['Lifecycle', 'stopSignal'], absent: ['Container', 'restartPolicyRules'] } as const;

/** A type of the 1.33 schema as read from kubernetes-models, before names are given. */
interface ModelType {
  readonly openApiName: string;
  readonly fields: ReadonlyArray<{ readonly json: string; readonly required: boolean; readonly value: ModelValue }>;
}

/** A 1.33 value, objects by OpenAPI name. */
type ModelValue =
  | { readonly kind: 'string'; readonly enum?: readonly string[] }
  | { readonly kind: LeafKind }
  | { readonly kind: 'object'; readonly openApiName: string }
  | { readonly kind: 'array'; readonly items: ModelValue }
  | { readonly kind: 'map'; readonly values: ModelValue };

/** How a cdk8s-plus-28 converter turns a value into JSON. */
type Conversion =
  | { readonly kind: 'as-is' }
  | { readonly kind: 'value' } // `x?.value`: IntOrString and Quantity
  | { readonly kind: 'time' } // `x?.toISOString()`
  | { readonly kind: 'object'; readonly toJson: string }
  | { readonly kind: 'array'; readonly items: Conversion }
  | { readonly kind: 'map'; readonly values: Conversion };

/** One `toJson_*` function: per JSON field, the TypeScript property it reads and its conversion. */
type Converter = ReadonlyMap<string, { readonly property: string; readonly conversion: Conversion }>;

/** The cdk8s-plus-28 side: interfaces by OpenAPI name, converters by function name. */
interface Cdk8sImport {
  readonly interfacesBySchema: ReadonlyMap<string, readonly string[]>;
  readonly converters: ReadonlyMap<string, Converter>;
}

// ---------------------------------------------------------------------------------------------
// kubernetes-models

/** `io.k8s.api.core.v1.Container` → `IoK8sApiCoreV1Container`, as kubernetes-models names exports. */
function pascal(openApiName: string): string {
  return openApiName.split('.').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/**
 * The OpenAPI name of a kubernetes-models declaration file, from its path (core types live in
 * `v1/`, other groups in `<group>/<version>/`, apimachinery types in their Go package path).
 * Checked against the `IIoK8s…` alias the file exports, which is the same name in PascalCase.
 */
function openApiNameOf(declaration: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): string {
  const file = declaration.getSourceFile();
  const parts = path.relative(NODE_MODULES, file.fileName).replace(/\.d\.ts$/, '').split(path.sep);
  let name: string | undefined;
  if (parts[0] === 'kubernetes-models' && parts.length === 3) {
    name = `io.k8s.api.core.${parts[1]}.${parts[2]}`;
  } else if (parts[0] === 'kubernetes-models' && parts.length === 4) {
    name = `io.k8s.api.${parts[1].split('.')[0]}.${parts[2]}.${parts[3]}`;
  } else if (parts[0] === '@kubernetes-models' && parts[1] === 'apimachinery') {
    name = `io.k8s.apimachinery.pkg.${parts.slice(2).join('.')}`;
  }
  const exported = exportedAliases(file).get(declaration.name.text) ?? [];
  if (name === undefined || !exported.includes(`I${pascal(name)}`)) {
    throw new Error(`${file.fileName}: cannot tell the OpenAPI name of ${declaration.name.text} (exported as ${exported.join(', ')})`);
  }
  return name;
}

/** Local name → the names it is exported under (`export { IContainer as IIoK8sApiCoreV1Container }`). */
function exportedAliases(file: ts.SourceFile): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        aliases.set(local, [...(aliases.get(local) ?? []), element.name.text]);
      }
    }
  }
  return aliases;
}

/** The main interface of a root declaration file: the one exported under its `IIoK8s…` alias. */
function mainInterface(file: ts.SourceFile): ts.InterfaceDeclaration {
  const aliases = exportedAliases(file);
  const found = file.statements.filter(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && (aliases.get(s.name.text) ?? []).some((a) => a.startsWith('IIoK8s')),
  );
  if (found.length !== 1) {
    throw new Error(`${file.fileName}: expected one exported Kubernetes interface, found ${found.length}`);
  }
  return found[0];
}

/** The interface or type alias a type reference names, following imports and re-exports. */
function referencedDeclaration(checker: ts.TypeChecker, reference: ts.TypeReferenceNode): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
  let symbol = checker.getSymbolAtLocation(reference.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
    symbol = checker.getAliasedSymbol(symbol);
  }
  const declaration = symbol?.declarations?.[0];
  if (!declaration || !(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))) {
    throw new Error(`cannot resolve type ${reference.getText()} in ${reference.getSourceFile().fileName}`);
  }
  return declaration;
}

/** Reads every type reachable from the roots, by OpenAPI name. */
function readKubernetesModels(): { types: Map<string, ModelType>; files: Set<string> } {
  const rootFiles = ROOTS.map((root) => path.join(NODE_MODULES, root));
  // node10 resolution reads the packages' files by path, as the imports in the declarations name them.
  const program = ts.createProgram(rootFiles, { moduleResolution: ts.ModuleResolutionKind.Node10, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const types = new Map<string, ModelType>();
  const files = new Set<string>();
  const pending: ts.InterfaceDeclaration[] = rootFiles.map((file) => mainInterface(program.getSourceFile(file)!));

  const valueOf = (node: ts.TypeNode, where: string): ModelValue => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { kind: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { kind: 'number' }; // integer or float: told apart from the validator below
      case ts.SyntaxKind.BooleanKeyword:
        return { kind: 'boolean' };
    }
    if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
      const values = node.types.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text);
      return { kind: 'string', enum: [...values].sort() };
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Array' && node.typeArguments?.length === 1) {
      return { kind: 'array', items: valueOf(node.typeArguments[0], where) };
    }
    if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
      const signature = node.members[0];
      if (signature.parameters[0].type?.kind === ts.SyntaxKind.StringKeyword && signature.type) {
        return { kind: 'map', values: valueOf(signature.type, where) };
      }
    }
    if (ts.isTypeReferenceNode(node)) {
      const declaration = referencedDeclaration(checker, node);
      const name = openApiNameOf(declaration);
      if (ts.isTypeAliasDeclaration(declaration)) {
        const leaf = ALIASED_LEAVES[name];
        if (!leaf) {
          throw new Error(`${where}: unknown aliased type ${name}`);
        }
        return { kind: leaf };
      }
      // kubernetes-models declares free-form objects (FieldsV1) as interfaces without members.
      if (declaration.members.length === 0) {
        return { kind: 'any' };
      }
      pending.push(declaration);
      return { kind: 'object', openApiName: name };
    }
    throw new Error(`${where}: unsupported type ${node.getText()}`);
  };

  while (pending.length > 0) {
    const declaration = pending.pop()!;
    const openApiName = openApiNameOf(declaration);
    if (types.has(openApiName)) {
      continue;
    }
    files.add(declaration.getSourceFile().fileName);
    const fields = declaration.members.map((member) => {
      if (!ts.isPropertySignature(member) || !member.type || !(ts.isStringLiteral(member.name) || ts.isIdentifier(member.name))) {
        throw new Error(`${openApiName}: unsupported member ${member.getText()}`);
      }
      const json = member.name.text;
      return { json, required: member.questionToken === undefined, value: valueOf(member.type, `${openApiName}.${json}`) };
    });
    types.set(openApiName, { openApiName, fields: integersTold(openApiName, fields, files) });
  }
  return { types, files };
}

/**
 * Replaces `number` by `integer` where the type's compiled validator checks integers. kubernetes-models
 * compiles one validator file per type, holding the checks of that type's own fields; a file without
 * any `type:"number"` check has integer fields only (checked as `type:"integer"`).
 */
function integersTold(openApiName: string, fields: ModelType['fields'], files: Set<string>): ModelType['fields'] {
  const hasNumber = (value: ModelValue): boolean =>
    value.kind === 'number' || (value.kind === 'array' && hasNumber(value.items)) || (value.kind === 'map' && hasNumber(value.values));
  if (!fields.some((field) => hasNumber(field.value))) {
    return fields;
  }
  const packageDir = openApiName.startsWith('io.k8s.apimachinery.') ? '@kubernetes-models/apimachinery' : 'kubernetes-models';
  const validator = path.join(NODE_MODULES, packageDir, '_schemas', `${pascal(openApiName)}.js`);
  const code = fs.readFileSync(validator, 'utf8');
  files.add(validator);
  if (code.includes('type:"number"') || !code.includes('type:"integer"')) {
    throw new Error(`${validator}: cannot tell integer from float fields; teach the generator to read the validator per field`);
  }
  const integer = (value: ModelValue): ModelValue =>
    value.kind === 'number' ? { kind: 'integer' }
      : value.kind === 'array' ? { kind: 'array', items: integer(value.items) }
        : value.kind === 'map' ? { kind: 'map', values: integer(value.values) }
          : value;
  return fields.map((field) => ({ ...field, value: integer(field.value) }));
}

// ---------------------------------------------------------------------------------------------
// cdk8s-plus-28

function readCdk8sImport(): Cdk8sImport {
  const declarations = ts.createSourceFile('k8s.d.ts', fs.readFileSync(path.join(CDK8S_K8S, 'k8s.d.ts'), 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfacesBySchema = new Map<string, string[]>();
  for (const statement of declarations.statements) {
    if (!ts.isInterfaceDeclaration(statement)) {
      continue;
    }
    for (const tag of ts.getJSDocTags(statement)) {
      const schema = typeof tag.comment === 'string' ? tag.comment.trim() : undefined;
      if (tag.tagName.text === 'schema' && schema && !schema.includes('#')) {
        interfacesBySchema.set(schema, [...(interfacesBySchema.get(schema) ?? []), statement.name.text]);
      }
    }
  }

  const code = ts.createSourceFile('k8s.js', fs.readFileSync(path.join(CDK8S_K8S, 'k8s.js'), 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const converters = new Map<string, Converter>();
  for (const statement of code.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text.startsWith('toJson_')) {
      converters.set(statement.name.text, readConverter(statement));
    }
  }
  return { interfacesBySchema, converters };
}

/** Reads `const result = { 'json': <conversion of obj.property>, … }` in one `toJson_*` function. */
function readConverter(fn: ts.FunctionDeclaration): Converter {
  const where = fn.name!.text;
  const result = fn.body?.statements
    .filter(ts.isVariableStatement)
    .flatMap((s) => [...s.declarationList.declarations])
    .find((d) => ts.isIdentifier(d.name) && d.name.text === 'result');
  if (!result?.initializer || !ts.isObjectLiteralExpression(result.initializer)) {
    throw new Error(`${where}: no result object`);
  }
  const fields = new Map<string, { property: string; conversion: Conversion }>();
  for (const assignment of result.initializer.properties) {
    if (!ts.isPropertyAssignment(assignment) || !ts.isStringLiteral(assignment.name)) {
      throw new Error(`${where}: unsupported field ${assignment.getText()}`);
    }
    const json = assignment.name.text;
    const subject = readSubject(assignment.initializer);
    if (!subject) {
      throw new Error(`${where}.${json}: cannot find the property read`);
    }
    fields.set(json, { property: subject.name.text, conversion: readConversion(assignment.initializer, subject.getText(), `${where}.${json}`) });
  }
  return fields;
}

/** The first `obj.<property>` in an expression. */
function readSubject(expression: ts.Expression): ts.PropertyAccessExpression & { name: ts.Identifier } | undefined {
  let found: (ts.PropertyAccessExpression & { name: ts.Identifier }) | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'obj' && ts.isIdentifier(node.name)) {
      found = node as ts.PropertyAccessExpression & { name: ts.Identifier };
    }
    if (!found) {
      ts.forEachChild(node, visit);
    }
  };
  visit(expression);
  return found;
}

/**
 * How `expression` converts `subject` (`obj.x`, the `y` of a list's `map`, or the `i[1]` of a map's
 * entries). The converters use six forms: the value as is, `toJson_T(x)`, `x?.value`,
 * `x?.toISOString()`, `x?.map(y => …)` and `x === undefined ? undefined : Object.entries(x).reduce(…)`.
 */
function readConversion(expression: ts.Expression, subject: string, where: string): Conversion {
  const node = skipParentheses(expression);
  const same = (a: ts.Expression) => skipParentheses(a).getText() === subject;
  if (same(node)) {
    return { kind: 'as-is' };
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'value' && same(node.expression)) {
    return { kind: 'value' };
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && callee.text.startsWith('toJson_') && node.arguments.length === 1 && same(node.arguments[0])) {
      return { kind: 'object', toJson: callee.text };
    }
    if (ts.isPropertyAccessExpression(callee) && same(callee.expression)) {
      if (callee.name.text === 'toISOString') {
        return { kind: 'time' };
      }
      const mapper = node.arguments[0];
      if (callee.name.text === 'map' && mapper && ts.isArrowFunction(mapper) && ts.isIdentifier(mapper.parameters[0].name) && !ts.isBlock(mapper.body)) {
        return { kind: 'array', items: readConversion(mapper.body, mapper.parameters[0].name.text, where) };
      }
    }
  }
  if (ts.isConditionalExpression(node)) {
    // Object.entries(x).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: <conversion of i[1]> }), {})
    const reduce = skipParentheses(node.whenFalse);
    const reducer = ts.isCallExpression(reduce) ? reduce.arguments[0] : undefined;
    if (reducer && ts.isArrowFunction(reducer) && !ts.isBlock(reducer.body)) {
      const kept = skipParentheses(reducer.body);
      const entry = ts.isConditionalExpression(kept) ? skipParentheses(kept.whenFalse) : undefined;
      const computed = entry && ts.isObjectLiteralExpression(entry)
        ? entry.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isComputedPropertyName(p.name))
        : undefined;
      const entries = ts.isCallExpression(reduce) && ts.isPropertyAccessExpression(reduce.expression) ? skipParentheses(reduce.expression.expression) : undefined;
      if (computed && entries && ts.isCallExpression(entries) && entries.expression.getText() === 'Object.entries' && same(entries.arguments[0])) {
        const entryParameter = reducer.parameters[1].name.getText();
        return { kind: 'map', values: readConversion(computed.initializer, `${entryParameter}[1]`, where) };
      }
    }
  }
  throw new Error(`${where}: unsupported conversion ${node.getText()}`);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? skipParentheses(node.expression) : node;
}

// ---------------------------------------------------------------------------------------------
// The table

/** Short names (the OpenAPI name's last segment), or the full name where two types share one. */
function typeNames(openApiNames: Iterable<string>): Map<string, string> {
  const byShort = new Map<string, string[]>();
  for (const name of openApiNames) {
    const short = name.slice(name.lastIndexOf('.') + 1);
    byShort.set(short, [...(byShort.get(short) ?? []), name]);
  }
  const names = new Map<string, string>();
  for (const [short, full] of byShort) {
    full.forEach((name) => names.set(name, full.length === 1 ? short : name));
  }
  return names;
}

/** The table, and what it was made from. */
interface Generated {
  readonly types: ReadonlyMap<string, TypeSchema>;
  readonly sources: readonly string[];
  /** Types that cdk8s-plus-28 renders with the converter of another type; fields 1.33 removed. */
  readonly notes: readonly string[];
}

/** Builds the table; throws where the two sources disagree on a field's kind. */
export function buildSchema(): Generated {
  const models = readKubernetesModels();
  const cdk8s = readCdk8sImport();
  const names = typeNames(models.types.keys());

  const converterOf = (openApiName: string): string | undefined => {
    const candidates = (cdk8s.interfacesBySchema.get(openApiName) ?? []).map((i) => `toJson_${i}`).filter((c) => cdk8s.converters.has(c));
    if (candidates.length > 1) {
      throw new Error(`${openApiName}: several cdk8s-plus-28 converters: ${candidates.join(', ')}`);
    }
    return candidates[0];
  };
  const schemaOfConverter = new Map<string, string>();
  for (const [schema, interfaces] of cdk8s.interfacesBySchema) {
    interfaces.forEach((i) => schemaOfConverter.set(`toJson_${i}`, schema));
  }

  // A 1.33 type that cdk8s-plus-28 does not have may take the place of a 1.28 type it replaced
  // (VolumeResourceRequirements in PersistentVolumeClaimSpec.resources, for ResourceRequirements):
  // there, the 1.28 converter renders it, so its fields are read under that type's property names.
  const adopted = new Map<string, string>();
  const adopt = (value: ModelValue, conversion: Conversion | undefined, where: string): void => {
    if (value.kind === 'object' && conversion?.kind === 'object' && schemaOfConverter.get(conversion.toJson) !== value.openApiName && !converterOf(value.openApiName)) {
      const previous = adopted.get(value.openApiName);
      if (previous && previous !== conversion.toJson) {
        throw new Error(`${where}: ${value.openApiName} is rendered by both ${previous} and ${conversion.toJson} in cdk8s-plus-28`);
      }
      adopted.set(value.openApiName, conversion.toJson);
    } else if (value.kind === 'array' && conversion?.kind === 'array') {
      adopt(value.items, conversion.items, where);
    } else if (value.kind === 'map' && conversion?.kind === 'map') {
      adopt(value.values, conversion.values, where);
    }
  };
  for (const type of models.types.values()) {
    const converter = cdk8s.converters.get(converterOf(type.openApiName) ?? '');
    type.fields.forEach((field) => adopt(field.value, converter?.get(field.json)?.conversion, `${type.openApiName}.${field.json}`));
  }
  const converterOfType = (openApiName: string): string | undefined => converterOf(openApiName) ?? adopted.get(openApiName);

  const disagreements: string[] = [];
  const valueSchema = (value: ModelValue, conversion: Conversion | undefined, where: string): ValueSchema => {
    /** The conversion if it is of the kind the 1.33 value needs; else notes the disagreement. */
    const expected = <K extends Conversion['kind']>(kind: K, agrees = true): Extract<Conversion, { kind: K }> | undefined => {
      if (conversion && (conversion.kind !== kind || !agrees)) {
        disagreements.push(`${where}: Kubernetes 1.33 declares ${JSON.stringify(value)}, cdk8s-plus-28 converts ${JSON.stringify(conversion)}`);
        return undefined;
      }
      return conversion as Extract<Conversion, { kind: K }> | undefined;
    };
    switch (value.kind) {
      case 'object': {
        const old = expected('object', conversion?.kind === 'object' && conversion.toJson === converterOfType(value.openApiName));
        const toJson = old?.toJson ?? converterOfType(value.openApiName);
        return { kind: 'object', type: names.get(value.openApiName)!, ...(toJson ? { toJson } : {}) };
      }
      case 'array':
        return { kind: 'array', items: valueSchema(value.items, expected('array')?.items, `${where}[]`) };
      case 'map':
        return { kind: 'map', values: valueSchema(value.values, expected('map')?.values, `${where}{}`) };
      case 'intOrString':
      case 'quantity':
        expected('value');
        return value;
      case 'time':
        expected('time');
        return value;
      default:
        expected('as-is');
        return value;
    }
  };

  const types = new Map<string, TypeSchema>();
  const removedFields: string[] = [];
  for (const type of models.types.values()) {
    const toJson = converterOfType(type.openApiName);
    const converter = toJson ? cdk8s.converters.get(toJson)! : new Map() as Converter;
    const fields: Record<string, FieldSchema> = {};
    for (const field of [...type.fields].sort((a, b) => compare(a.json, b.json))) {
      const old = converter.get(field.json);
      fields[field.json] = {
        ...valueSchema(field.value, old?.conversion, `${type.openApiName}.${field.json}`),
        ...(field.required ? { required: true as const } : {}),
        ...(old ? { ts: old.property } : {}),
      };
    }
    // Callers give a field under its 1.28 property name, or its JSON name if it is newer: one key, one field.
    const keys = Object.entries(fields).map(([json, field]) => field.ts ?? json);
    if (new Set(keys).size !== keys.length) {
      throw new Error(`${type.openApiName}: two fields share a property or JSON name: ${keys.join(', ')}`);
    }
    types.set(names.get(type.openApiName)!, { name: type.openApiName, ...(toJson ? { toJson } : {}), fields });
    const removed = [...converter.keys()].filter((json) => !Object.hasOwn(fields, json));
    if (removed.length > 0) {
      removedFields.push(`${names.get(type.openApiName)}: ${removed.join(', ')}`);
    }
  }

  if (disagreements.length > 0) {
    throw new Error(disagreements.join('\n'));
  }
  const [presentType, presentField] = VERSION_EVIDENCE.present;
  const [absentType, absentField] = VERSION_EVIDENCE.absent;
  if (!types.get(presentType)?.fields[presentField] || types.get(absentType)?.fields[absentField] || !types.get(absentType)) {
    throw new Error(`kubernetes-models no longer looks like Kubernetes ${KUBERNETES_VERSION}: update KUBERNETES_VERSION and VERSION_EVIDENCE`);
  }

  const sources = [
    ...packagesOf([...models.files]),
    `cdk8s-plus-28@${packageVersion(path.join(NODE_MODULES, 'cdk8s-plus-28'))} (lib/imports/k8s.d.ts, lib/imports/k8s.js)`,
  ];
  const notes = [
    ...[...adopted].sort(([a], [b]) => compare(a, b))
      .map(([openApiName, toJson]) => `${names.get(openApiName)} is newer than 1.28; cdk8s-plus-28 renders it with ${toJson}, of the type it replaced`),
    ...removedFields.sort(compare).map((fields) => `In 1.28, not in ${KUBERNETES_VERSION} (left out of the table): ${fields}`),
  ];
  return { types: new Map([...types].sort(([a], [b]) => compare(a, b))), sources, notes };
}

/** `name@version (what was read)` for each package the declaration and validator files belong to. */
function packagesOf(files: readonly string[]): string[] {
  const byPackage = new Map<string, Set<string>>();
  for (const file of files) {
    const parts = path.relative(NODE_MODULES, file).split(path.sep);
    const packageName = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    const kind = file.endsWith('.d.ts') ? 'type declarations' : 'validators (_schemas/*.js)';
    byPackage.set(packageName, new Set([...(byPackage.get(packageName) ?? []), kind]));
  }
  return [...byPackage].sort(([a], [b]) => compare(a, b))
    .map(([name, kinds]) => `${name}@${packageVersion(path.join(NODE_MODULES, name))} (${[...kinds].sort().join(', ')})`);
}

function packageVersion(directory: string): string {
  return (JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Code-point order, so that the output does not depend on the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// The source text

/** A TypeScript literal of a table value, on one line: identifier keys unquoted, strings single-quoted. */
function literal(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(literal).join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${key(k)}: ${literal(v)}`);
  return `{ ${entries.join(', ')} }`;
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}

/** The text of src/kubernetes/generated/schema.ts. */
export function generateSchemaSource(): string {
  const { types, sources, notes } = buildSchema();
  const lines = [
    '// generated by scripts/kubernetes-schema/generate.ts; do not edit.',
    '// Regenerate: npx ts-node scripts/kubernetes-schema/generate.ts',
    '// Sources:',
    ...sources.map((source) => `// - ${source}`),
    `// Kubernetes ${KUBERNETES_VERSION} fields; \`ts\`: the property name in cdk8s-plus-28 (Kubernetes 1.28), absent for newer fields.`,
    ...notes.map((note) => `// ${note}.`),
    "import type { TypeSchema } from '../schema-model';",
    '',
    '/** The Kubernetes version of the field lists. */',
    `export const SCHEMA_KUBERNETES_VERSION = '${KUBERNETES_VERSION}';`,
    '',
    '/** The types reachable from the specs we render, by name (see ../schema-model.ts). */',
    'export const KUBERNETES_TYPES: Readonly<Record<string, TypeSchema>> = {',
  ];
  for (const [name, type] of types) {
    lines.push(`  ${key(name)}: {`);
    lines.push(`    name: ${literal(type.name)},${type.toJson ? ` toJson: ${literal(type.toJson)},` : ''}`);
    lines.push('    fields: {');
    for (const [json, field] of Object.entries(type.fields)) {
      lines.push(`      ${key(json)}: ${literal(field)},`);
    }
    lines.push('    },');
    lines.push('  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, generateSchemaSource());
  console.log(`wrote ${path.relative(REPO, OUTPUT)}`);
}
