import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { KarmadaApiServer } from './construct';
import { KarmadaApiServerProps } from './props';

/** Props of `KarmadaApiServerChart`: the chart's and the API server's. */
export interface KarmadaApiServerChartProps extends ChartProps {
  /** The API server to put in the chart. Its namespace defaults to the chart's. */
  readonly apiServer: KarmadaApiServerProps;
}

/** A chart that holds one Karmada API server: for apps that synthesize one file per instance. */
export class KarmadaApiServerChart extends Chart {
  /** The API server in this chart. */
  public readonly apiServer: KarmadaApiServer;

  constructor(scope: Construct, id: string, props: KarmadaApiServerChartProps) {
    super(scope, id, props);
    this.apiServer = new KarmadaApiServer(this, 'ApiServer', props.apiServer);
  }
}
