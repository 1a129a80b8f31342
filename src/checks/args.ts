import type { ApiServerModel } from '../model/types';
import { Problems, keyField, q } from '../problems';

const FLAG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const GATE_NAME = /^[A-Z][A-Za-z0-9]*$/;

/** extraArgs flag names and values, and feature gates (names, values, and a clash with extraArgs). */
export function checkArgs(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  for (const [name, value] of Object.entries(input.extraArgs)) {
    const field = keyField('extraArgs', name);
    if (name === '') {
      problems.add('extraArgs', 'a flag name is empty', 'remove the entry with the empty key, or name the flag, such as "v"');
    } else if (name.startsWith('-')) {
      const bare = name.replace(/^-+/, '');
      problems.add(field, `flag names are given without the leading "--" (the construct adds it), so this renders ${q(`--${name}`)}`,
        `use the key ${q(bare)}`);
    } else if (!FLAG_NAME.test(name)) {
      const hint = name.includes('=') ? `; to set a value, use { ${q(name.split('=')[0])}: ${q(name.split('=').slice(1).join('='))} }` : '';
      problems.add(field, `${q(name)} is not a flag name: flags are letters, digits, "-", "_" and ".", with no "=" or spaces`,
        `give the flag name as the key and its value as the value${hint}`);
    }
    if (typeof value !== 'string') {
      problems.add(field, `flag values are strings, not ${typeof value}`, `write it as a string: ${q(value)}`);
    } else if (/[\r\n]/.test(value)) {
      problems.add(field, 'the flag value contains a line break', 'give the value on one line');
    }
  }

  const gates = Object.keys(input.featureGates);
  if (gates.length > 0 && Object.prototype.hasOwnProperty.call(input.extraArgs, 'feature-gates')) {
    problems.add('extraArgs.feature-gates', `feature gates are set both in featureGates (${gates.join(', ')}) and in extraArgs["feature-gates"], which would silently replace them`,
      'move every gate into featureGates, and remove extraArgs["feature-gates"]');
  }
  for (const gate of gates) {
    const value: unknown = input.featureGates[gate];
    if (!GATE_NAME.test(gate)) {
      problems.add(keyField('featureGates', gate), `${q(gate)} is not a feature gate name: gates are CamelCase letters and digits, such as "KMSv2"`,
        'use the gate name as the Kubernetes documentation spells it, without "=" or spaces');
    }
    if (typeof value !== 'boolean') {
      problems.add(keyField('featureGates', gate), `a gate is true or false, not ${q(value)}`, 'set it to true or false');
    }
  }
}
