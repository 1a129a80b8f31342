// The plain-JavaScript part of the consumer test: require the package, and give a prop of the
// wrong type, as a JavaScript caller can. The problem must come back as a validation error.
'use strict';
const { App, Chart } = require('cdk8s');
const { KarmadaApiServer } = require('cdk8s-karmada');

const chart = new Chart(new App(), 'js');
const apiServer = new KarmadaApiServer(chart, 'ApiServer', {
  instanceName: 'tenant1',
  tolerations: { key: 'dedicated', operator: 'Exists' },
});
process.stdout.write(JSON.stringify(apiServer.node.validate()));
