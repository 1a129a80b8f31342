/**
 * The shape of the kube-apiserver command-line model, one value per Kubernetes minor version.
 * The data itself is generated (see generated/ and scripts/kube-apiserver/generate.ts).
 */

/**
 * How a flag's value is parsed: the pflag `Value.Type()` of the flag, with pflag's and the reference
 * page's display names mapped back to the real type (`float` is float64, `strings` is the string slice).
 */
export type FlagType = 'bool' | 'int' | 'int32' | 'int64' | 'uint' | 'float32' | 'float64' | 'duration' | 'string'
  | 'strings' | 'stringArray' | 'mapStringString' | 'mapStringBool' | 'ip' | 'ipSlice' | 'cidrs' | 'portRange'
  | 'namedCertKey' | 'colonSeparatedMultimapStringString'
  // what the reference page really uses besides:
  | 'mapStringStringNoSplit' // cliflag.NewMapStringStringNoSplit: one key=value per occurrence (--oidc-required-claim)
  | 'configurationMap' // cliflag.ConfigurationMap: key[=value] pairs (--runtime-config)
  | 'stringToString' // pflag's StringToString (--allow-metric-labels)
  | 'int32Slice' // pflag's Int32Slice (--tls-curve-preferences)
  | 'quantity' // resource.QuantityValue (--log-text-info-buffer-size)
  | 'level' // the logging verbosity (-v): an unsigned number below 2^31
  | 'vmodule' // comma-separated pattern=N (--vmodule)
  | 'version' // --version: true, false, raw or a version starting with v
  | string;

export interface FlagSpec {
  readonly type: FlagType;
  /** The default as documented. */
  readonly default?: string;
  /** The help says DEPRECATED / deprecated. */
  readonly deprecated?: boolean;
  /** Allowed values when the help text lists them: the items, for list flags. */
  readonly values?: readonly string[];
}

export type FeatureStage = 'ALPHA' | 'BETA' | 'GA' | 'DEPRECATED';

export interface FeatureGateSpec {
  readonly stage: FeatureStage;
  readonly default: boolean;
  readonly locked: boolean;
}

export interface KubeApiServerRelease {
  /** The minor version, e.g. '1.36'. */
  readonly minor: string;
  /** Flag name without '--' → its spec. */
  readonly flags: Readonly<Record<string, FlagSpec>>;
  readonly featureGates: Readonly<Record<string, FeatureGateSpec>>;
  readonly admissionPlugins: readonly string[];
  readonly authorizationModes: readonly string[];
  readonly tlsVersions: readonly string[];
  readonly tlsCipherSuites: { readonly secure: readonly string[]; readonly insecure: readonly string[] };
}
