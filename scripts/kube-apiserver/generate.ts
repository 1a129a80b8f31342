/**
 * Generates src/kube-apiserver/generated/: the kube-apiserver command line (flags, feature gates,
 * admission plugins, authorization modes, TLS versions and cipher suites) for each supported minor.
 *
 *   npx ts-node scripts/kube-apiserver/generate.ts [--source <dir>] [--check]
 *
 * It reads only the upstream files listed in UPSTREAM_FILES, each saved verbatim under
 * <source>/<owner>/<repo>/<commit>/<path> (default source: /work/upstream). The commit is part of the
 * local path because the staging repositories are read at four commits each. With --check it writes
 * nothing and fails when the committed files differ from what it would write.
 *
 * Where the data comes from, and why (details in docs/kube-apiserver-model.md):
 * - Flags: the kube-apiserver reference page that kubernetes/website generates from the binary. The
 *   copies of that page stored for kubernetes/website itself document 1.20 and 1.23; the 1.36 page
 *   (its emulated-version help reads "kube=1.33..1.36(default:1.36)") was found in the fork
 *   victord-ef/website, which is used here. It is authoritative for 1.36. For 1.33-1.35 the same flag
 *   set is used, except for the flags registered in the staging repositories (k8s.io/apiserver's
 *   server options, component-base's logging, metrics and compatibility options), whose registrations
 *   are read at each minor's release tag: a flag registered at 1.36 but not yet at 1.M is left out of
 *   1.M. The page prints display names for some types (pflag's UnquoteUsage and the page generator's
 *   own: "string" for an IP flag); where the flag's registration is in those sources, the type comes
 *   from the Go call instead.
 * - Feature gates: the versioned specs ({Version, Default, PreRelease, LockToDefault}) of every
 *   registry kube-apiserver adds to its default feature gate, state at minor M = the entry with the
 *   highest Version <= M, a gate whose first entry is newer than M does not exist at M. The staging
 *   registries are read at each minor's tag. The kubernetes/kubernetes registry
 *   (pkg/features/kube_features.go) is too large a repository to fetch here and the search index holds
 *   no 1.36 copy of it with a commit; the release-1.36 file in the fork DataDog/kubernetes is used,
 *   evaluated at each minor. Gates that fork adds itself (alpha/beta at 1.36 yet missing from the 1.36
 *   reference page, which lists every alpha and beta gate of the binary) are left out. At 1.36 the
 *   alpha/beta gates of the model must equal the page's list exactly, or generation fails.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Every upstream file the generator reads, as a raw URL at its pinned commit. */
export const UPSTREAM_FILES: readonly string[] = [
  // The kube-apiserver reference page (Kubernetes 1.36), fork of kubernetes/website.
  'https://raw.githubusercontent.com/victord-ef/website/d63ca76b714904beb0d22f92aafc246d1363965f/content/en/docs/reference/command-line-tools-reference/kube-apiserver.md',
  // kubernetes/kubernetes pkg/features at release 1.36, fork DataDog/kubernetes.
  'https://raw.githubusercontent.com/DataDog/kubernetes/020b20efadc508fe606097c9d09d3de698c9dfe1/pkg/features/kube_features.go',
  // The staging repositories at each minor's release tag (see STAGING).
  // Kubernetes 1.33
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/admission.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/api_enablement.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/audit.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/egress_selector.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/etcd.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/feature.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/server_run_options.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/serving.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/7724ea5ca270c9361f9dbd19a1a54b02ebf7143d/pkg/server/options/tracing.go',
  'https://raw.githubusercontent.com/kubernetes/apiextensions-apiserver/81f55747e6f88e2352f50c739300f0f331469d85/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/client-go/dc14a3808635de0e40c781b8857094199c8c8644/features/known_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/b0c831f7773c6c77273efa43226a11454b36b56d/compatibility/registry.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/b0c831f7773c6c77273efa43226a11454b36b56d/featuregate/feature_gate.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/b0c831f7773c6c77273efa43226a11454b36b56d/logs/api/v1/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/b0c831f7773c6c77273efa43226a11454b36b56d/logs/api/v1/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/b0c831f7773c6c77273efa43226a11454b36b56d/metrics/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/b0c831f7773c6c77273efa43226a11454b36b56d/metrics/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/b0c831f7773c6c77273efa43226a11454b36b56d/zpages/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/controller-manager/0f33df8317293e2865459d6ebd57796059d46fd2/pkg/features/kube_features.go',
  // Kubernetes 1.34
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/admission.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/api_enablement.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/audit.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/egress_selector.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/etcd.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/feature.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/server_run_options.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/serving.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/d19e1b3a5957cb9aad57b8dd93d9abfc7509f34a/pkg/server/options/tracing.go',
  'https://raw.githubusercontent.com/kubernetes/apiextensions-apiserver/db5160bfe4ed7ee5e89d7716a494f754367d9d9c/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/client-go/e1a156ee233bd265d6c992b58d5e9c2e837f917c/features/known_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/d788aaeb24ee249072019fd2a14ad5b563bc7bfd/compatibility/registry.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/d788aaeb24ee249072019fd2a14ad5b563bc7bfd/featuregate/feature_gate.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/d788aaeb24ee249072019fd2a14ad5b563bc7bfd/logs/api/v1/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/d788aaeb24ee249072019fd2a14ad5b563bc7bfd/logs/api/v1/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/d788aaeb24ee249072019fd2a14ad5b563bc7bfd/metrics/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/d788aaeb24ee249072019fd2a14ad5b563bc7bfd/metrics/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/d788aaeb24ee249072019fd2a14ad5b563bc7bfd/zpages/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/controller-manager/a425509fd467227d29c51149349744a32976d709/pkg/features/kube_features.go',
  // Kubernetes 1.35
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/admission.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/api_enablement.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/audit.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/egress_selector.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/etcd.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/feature.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/server_run_options.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/serving.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/8e159d631c6ac7df31e8ddb0dab1f74a981561b9/pkg/server/options/tracing.go',
  'https://raw.githubusercontent.com/kubernetes/apiextensions-apiserver/226e148674c82fbce4e2457c0ca7ed4d81ebe079/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/client-go/d2a9618f5864955e26a30549f82d7f3dbdc914ba/features/known_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/bab2adfc14c0b9bdc9d32d2e45620f9909c36e53/compatibility/registry.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/bab2adfc14c0b9bdc9d32d2e45620f9909c36e53/featuregate/feature_gate.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/bab2adfc14c0b9bdc9d32d2e45620f9909c36e53/logs/api/v1/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/bab2adfc14c0b9bdc9d32d2e45620f9909c36e53/logs/api/v1/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/bab2adfc14c0b9bdc9d32d2e45620f9909c36e53/metrics/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/bab2adfc14c0b9bdc9d32d2e45620f9909c36e53/metrics/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/bab2adfc14c0b9bdc9d32d2e45620f9909c36e53/zpages/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/controller-manager/3e8538c940e10db7f17ce2c0b5204e337de59dfb/pkg/features/kube_features.go',
  // Kubernetes 1.36
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/admission.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/api_enablement.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/audit.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/egress_selector.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/etcd.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/feature.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/server_run_options.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/serving.go',
  'https://raw.githubusercontent.com/kubernetes/apiserver/6d475042ddad61af63935dccaaed777d1d54e261/pkg/server/options/tracing.go',
  'https://raw.githubusercontent.com/kubernetes/apiextensions-apiserver/e4eb159421d265e49845a45cea25d6d559f4d08b/pkg/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/client-go/877f5359348b5df85619f2aa379abc5bd74bca2d/features/known_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/3393ee8a38a0f650040173a5b3ac4af2ee9d2308/compatibility/registry.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/3393ee8a38a0f650040173a5b3ac4af2ee9d2308/featuregate/feature_gate.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/3393ee8a38a0f650040173a5b3ac4af2ee9d2308/logs/api/v1/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/3393ee8a38a0f650040173a5b3ac4af2ee9d2308/logs/api/v1/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/3393ee8a38a0f650040173a5b3ac4af2ee9d2308/metrics/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/3393ee8a38a0f650040173a5b3ac4af2ee9d2308/metrics/options.go',
  'https://raw.githubusercontent.com/kubernetes/component-base/3393ee8a38a0f650040173a5b3ac4af2ee9d2308/zpages/features/kube_features.go',
  'https://raw.githubusercontent.com/kubernetes/controller-manager/eefd579869e7407426691d0c3b423b751fc833ee/pkg/features/kube_features.go',
];

interface Staging {
  /** The staging repositories' release tag for this minor (k8s.io/* v0.M.patch). */
  readonly tag: string;
  /** The commit of that tag in each staging repository. */
  readonly commits: Readonly<Record<StagingRepo, string>>;
}

type StagingRepo = 'apiserver' | 'apiextensions-apiserver' | 'client-go' | 'component-base' | 'controller-manager';

/** The minors the model covers, and the staging tag each is read at (the newest patch when pinned; 1.36 at the default image's v1.36.2). */
const STAGING: Readonly<Record<string, Staging>> = {
  '1.33': {
    tag: 'v0.33.13',
    commits: {
      'apiserver': '7724ea5ca270c9361f9dbd19a1a54b02ebf7143d',
      'apiextensions-apiserver': '81f55747e6f88e2352f50c739300f0f331469d85',
      'client-go': 'dc14a3808635de0e40c781b8857094199c8c8644',
      'component-base': 'b0c831f7773c6c77273efa43226a11454b36b56d',
      'controller-manager': '0f33df8317293e2865459d6ebd57796059d46fd2',
    },
  },
  '1.34': {
    tag: 'v0.34.10',
    commits: {
      'apiserver': 'd19e1b3a5957cb9aad57b8dd93d9abfc7509f34a',
      'apiextensions-apiserver': 'db5160bfe4ed7ee5e89d7716a494f754367d9d9c',
      'client-go': 'e1a156ee233bd265d6c992b58d5e9c2e837f917c',
      'component-base': 'd788aaeb24ee249072019fd2a14ad5b563bc7bfd',
      'controller-manager': 'a425509fd467227d29c51149349744a32976d709',
    },
  },
  '1.35': {
    tag: 'v0.35.7',
    commits: {
      'apiserver': '8e159d631c6ac7df31e8ddb0dab1f74a981561b9',
      'apiextensions-apiserver': '226e148674c82fbce4e2457c0ca7ed4d81ebe079',
      'client-go': 'd2a9618f5864955e26a30549f82d7f3dbdc914ba',
      'component-base': 'bab2adfc14c0b9bdc9d32d2e45620f9909c36e53',
      'controller-manager': '3e8538c940e10db7f17ce2c0b5204e337de59dfb',
    },
  },
  '1.36': {
    tag: 'v0.36.2',
    commits: {
      'apiserver': '6d475042ddad61af63935dccaaed777d1d54e261',
      'apiextensions-apiserver': 'e4eb159421d265e49845a45cea25d6d559f4d08b',
      'client-go': '877f5359348b5df85619f2aa379abc5bd74bca2d',
      'component-base': '3393ee8a38a0f650040173a5b3ac4af2ee9d2308',
      'controller-manager': 'eefd579869e7407426691d0c3b423b751fc833ee',
    },
  },
};

/** The minor whose reference page the flags come from. */
const PAGE_MINOR = '1.36';

const PAGE = {
  owner: 'victord-ef', repo: 'website', commit: 'd63ca76b714904beb0d22f92aafc246d1363965f',
  path: 'content/en/docs/reference/command-line-tools-reference/kube-apiserver.md',
};
const KUBE_FEATURES = {
  owner: 'DataDog', repo: 'kubernetes', commit: '020b20efadc508fe606097c9d09d3de698c9dfe1',
  path: 'pkg/features/kube_features.go',
};

/**
 * The feature-gate registries kube-apiserver's binary adds to its default gate, besides
 * kubernetes/kubernetes pkg/features (whose init adds its own map, client-go's gates and the zpages
 * gates, and relists the apiserver, apiextensions and controller-manager gates it uses):
 * k8s.io/apiserver pkg/features (its init), component-base's metrics features (k8s.io/apiserver
 * pkg/server/config.go's init), k8s.io/apiextensions-apiserver pkg/features (its init), the logging
 * features (cmd/kube-apiserver/app/server.go's init), the zpages features and the controller-manager
 * features, plus AllAlpha and AllBeta of component-base's featuregate.
 */
const GATE_REGISTRIES: readonly { repo: StagingRepo; path: string; importPath: string }[] = [
  { repo: 'apiserver', path: 'pkg/features/kube_features.go', importPath: 'k8s.io/apiserver/pkg/features' },
  { repo: 'apiextensions-apiserver', path: 'pkg/features/kube_features.go', importPath: 'k8s.io/apiextensions-apiserver/pkg/features' },
  { repo: 'client-go', path: 'features/known_features.go', importPath: 'k8s.io/client-go/features' },
  { repo: 'component-base', path: 'logs/api/v1/kube_features.go', importPath: 'k8s.io/component-base/logs/api/v1' },
  { repo: 'component-base', path: 'metrics/features/kube_features.go', importPath: 'k8s.io/component-base/metrics/features' },
  { repo: 'component-base', path: 'zpages/features/kube_features.go', importPath: 'k8s.io/component-base/zpages/features' },
  { repo: 'controller-manager', path: 'pkg/features/kube_features.go', importPath: 'k8s.io/controller-manager/pkg/features' },
  { repo: 'component-base', path: 'featuregate/feature_gate.go', importPath: 'k8s.io/component-base/featuregate' },
];

/** The flag registrations of the staging repositories kube-apiserver uses, read for types and per-minor presence. */
const FLAG_SOURCES: readonly { repo: StagingRepo; path: string }[] = [
  ...['admission', 'api_enablement', 'audit', 'egress_selector', 'etcd', 'feature', 'server_run_options', 'serving', 'tracing']
    .map((f) => ({ repo: 'apiserver' as const, path: `pkg/server/options/${f}.go` })),
  { repo: 'component-base', path: 'logs/api/v1/options.go' },
  { repo: 'component-base', path: 'metrics/options.go' },
  { repo: 'component-base', path: 'compatibility/registry.go' },
];

/**
 * Flags registered in kubernetes/kubernetes whose page type hides the real one. Read in the search
 * index's copies of pkg/kubeapiserver/options/authentication.go (no pinned commit):
 * `fs.Var(cliflag.NewMapStringStringNoSplit(...), "oidc-required-claim", ...)`.
 */
const KUBERNETES_FLAG_TYPES: Readonly<Record<string, string>> = {
  'oidc-required-claim': 'mapStringStringNoSplit',
};

/** The page's type column (pflag display names and the page generator's) → FlagType. */
const PAGE_TYPES: Readonly<Record<string, string>> = {
  '': 'bool',
  'string': 'string',
  'strings': 'strings',
  'stringArray': 'stringArray',
  'int': 'int',
  'int32': 'int32',
  'int64': 'int64',
  'uint': 'uint',
  'float': 'float64',
  'float32': 'float32',
  'duration': 'duration',
  'ip': 'ip',
  'ipSlice': 'ipSlice',
  'cidrs': 'cidrs',
  'int32Slice': 'int32Slice',
  'stringToString': 'stringToString',
  'quantity': 'quantity',
  'colonSeparatedMultimapStringString': 'colonSeparatedMultimapStringString',
  'mapStringString': 'mapStringString',
  'mapStringBool': 'mapStringBool',
  'namedCertKey': 'namedCertKey',
  'portRange': 'portRange',
  '<comma-separated \'key=value\' pairs>': 'mapStringString',
  '<comma-separated \'key=True|False\' pairs>': 'mapStringBool',
  '<a string in the form \'N1-N2\'>': 'portRange',
  'pattern=N,...': 'vmodule',
  'version[=true]': 'version',
};

/** pflag's typed registration functions → FlagType. */
const GO_VAR_TYPES: Readonly<Record<string, string>> = {
  StringVar: 'string', BoolVar: 'bool', IntVar: 'int', Int32Var: 'int32', Int64Var: 'int64', UintVar: 'uint',
  Uint64Var: 'uint', Float32Var: 'float32', Float64Var: 'float64', DurationVar: 'duration', StringSliceVar: 'strings',
  StringArrayVar: 'stringArray', IPVar: 'ip', IPSliceVar: 'ipSlice', Int32SliceVar: 'int32Slice',
  StringToStringVar: 'stringToString',
};

/** fs.Var(value, ...): the value's constructor or field → FlagType (component-base cli/flag, logs/api/v1/pflags.go, apiserver api_enablement.go). */
const GO_VALUE_TYPES: readonly [RegExp, string][] = [
  [/NewNamedCertKeyArray\(/, 'namedCertKey'],
  [/NewMapStringBool\(/, 'mapStringBool'],
  [/NewMapStringStringNoSplit\(/, 'mapStringStringNoSplit'],
  [/NewMapStringString\(/, 'mapStringString'],
  [/VerbosityLevelPflag\(/, 'level'],
  [/VModuleConfigurationPflag\(/, 'vmodule'],
  [/\.RuntimeConfig$/, 'configurationMap'], // APIEnablementOptions.RuntimeConfig is a cliflag.ConfigurationMap
];

/**
 * Allowed values, read from help texts that list them, for the options whose Validate (or ApplyTo)
 * refuses anything else. Not used: the "Permitted formats" of --logging-format (the page is generated
 * without kube-apiserver's main package, which registers the json format), endpoint-reconciler-type.
 */
const VALUE_PATTERNS: readonly RegExp[] = [
  /Comma-delimited list of(?: admission plugins)?: ([^.]+)\./,
  /Possible values: ([^\n]+)/,
  /Known formats are ([^.\s]+)\./,
  /Known modes are ([^.\s]+)\./,
  /Supported media types: \[([^\]]+)\]/,
  /Options: '([^']+)' \(default\)/,
  /header values are: ([^.]+)\./,
];

// ---------------------------------------------------------------------------------------------------

interface FlagSpecOut {
  type: string;
  default?: string;
  deprecated?: boolean;
  values?: string[];
}
interface GateOut { stage: string; default: boolean; locked: boolean }
interface ReleaseOut {
  minor: string;
  flags: Record<string, FlagSpecOut>;
  featureGates: Record<string, GateOut>;
  admissionPlugins: string[];
  authorizationModes: string[];
  tlsVersions: string[];
  tlsCipherSuites: { secure: string[]; insecure: string[] };
}

const rawUrl = (owner: string, repo: string, commit: string, p: string): string =>
  `https://raw.githubusercontent.com/${owner}/${repo}/${commit}/${p}`;

class Upstream {
  readonly used = new Set<string>();
  constructor(private readonly dir: string) {}

  read(owner: string, repo: string, commit: string, p: string): string {
    const url = rawUrl(owner, repo, commit, p);
    if (!UPSTREAM_FILES.includes(url)) {
      throw new Error(`${url} is read but not listed in UPSTREAM_FILES`);
    }
    this.used.add(url);
    const file = path.join(this.dir, owner, repo, commit, p);
    if (!fs.existsSync(file)) {
      throw new Error(`missing upstream file ${file}; download ${url}`);
    }
    return fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  }

  staging(minor: string, repo: StagingRepo, p: string): string {
    return this.read('kubernetes', repo, STAGING[minor].commits[repo], p);
  }
}

// --- the reference page ----------------------------------------------------------------------------

function decodeHtml(s: string): string {
  return s
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/?p>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, '\'')
    .replace(/&amp;/g, '&');
}

interface PageFlag { name: string; displayType: string; default?: string; help: string }

function readPage(text: string): PageFlag[] {
  const rows = /<tr>\s*<td colspan="2">([\s\S]*?)<\/td>\s*<\/tr>\s*<tr>\s*<td><\/td><td[^>]*>([\s\S]*?)<\/td>\s*<\/tr>/g;
  const flags: PageFlag[] = [];
  for (const m of text.matchAll(rows)) {
    const [head, rawDefault] = decodeHtml(m[1]).trim().split(/ {5}Default: /);
    const h = /^(?:-[A-Za-z], )?--([A-Za-z0-9-]+)(?: (.*))?$/.exec(head);
    if (!h) {
      throw new Error(`unreadable flag cell on the reference page: ${JSON.stringify(head)}`);
    }
    let def = rawDefault?.trim();
    if (def !== undefined && /^"(?:[^"\\]|\\.)*"$/.test(def)) {
      def = JSON.parse(def) as string; // the page prints string defaults Go-quoted
    }
    flags.push({ name: h[1], displayType: (h[2] ?? '').trim(), default: def, help: decodeHtml(m[2]).trim() });
  }
  if (flags.length < 100) {
    throw new Error(`only ${flags.length} flags found on the reference page`);
  }
  return flags;
}

const splitList = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x !== '');

function valuesOf(help: string): string[] | undefined {
  const suites = cipherSuitesOf(help);
  if (suites) {
    return [...suites.secure, ...suites.insecure];
  }
  for (const re of VALUE_PATTERNS) {
    const m = re.exec(help);
    if (m) {
      return splitList(m[1]);
    }
  }
  return undefined;
}

function cipherSuitesOf(help: string): { secure: string[]; insecure: string[] } | undefined {
  const secure = /Preferred values: ([^\n]+?)\.?(?:\n|$)/.exec(help);
  const insecure = /Insecure values: ([^\n]+?)\.?(?:\n|$)/.exec(help);
  return secure && insecure ? { secure: splitList(secure[1]), insecure: splitList(insecure[1]) } : undefined;
}

const isDeprecated = (help: string): boolean =>
  /DEPRECATED/.test(help) || /^\[?deprecated\b/i.test(help) || /\b(?:this )?flag (?:is|has been) deprecated/i.test(help);

/** The page's --feature-gates help: `kube:Name=true|false (STAGE - default=bool)` per alpha/beta gate. */
function pageGates(flags: PageFlag[]): Map<string, GateOut> {
  const help = flags.find((f) => f.name === 'feature-gates')?.help ?? '';
  const gates = new Map<string, GateOut>();
  for (const m of help.matchAll(/(?:^|\n)(?:kube:)?([A-Za-z0-9]+)=true\|false \((ALPHA|BETA) - default=(true|false)\)/g)) {
    gates.set(m[1], { stage: m[2], default: m[3] === 'true', locked: false });
  }
  if (gates.size < 50) {
    throw new Error(`only ${gates.size} feature gates found in the --feature-gates help`);
  }
  return gates;
}

// --- Go sources --------------------------------------------------------------------------------------

/** Go source without comments (string and raw-string literals kept). */
function stripComments(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === '`') {
      const end = c === '`' ? src.indexOf('`', i + 1) : findStringEnd(src, i);
      out += src.slice(i, end + 1);
      i = end;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') {
        i++;
      }
      out += '\n';
    } else if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 1;
    } else {
      out += c;
    }
  }
  return out;
}

function findStringEnd(src: string, start: number): number {
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === '\\') {
      i++;
    } else if (src[i] === '"') {
      return i;
    }
  }
  throw new Error('unterminated Go string');
}

/** The text between the brace at `open` and its match. */
function braced(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '{') {
      depth++;
    } else if (src[i] === '}') {
      depth--;
      if (depth === 0) {
        return src.slice(open + 1, i);
      }
    } else if (src[i] === '"') {
      i = findStringEnd(src, i);
    }
  }
  throw new Error('unbalanced braces in Go source');
}

interface GoSpec { version: string; default: boolean; preRelease: string; lock: boolean }

interface GoFeatureFile {
  /** Go identifier → feature name. */
  consts: Map<string, string>;
  /** Import alias → import path. */
  imports: Map<string, string>;
  /** Key expression → specs (in file order); versionless (FeatureSpec) maps give one spec with version ''. */
  gates: Map<string, GoSpec[]>;
}

function readGoFeatureFile(raw: string): GoFeatureFile {
  const src = stripComments(raw);
  const consts = new Map<string, string>();
  const constRe = /^\s*([A-Za-z_]\w*)\s*(?:(?:featuregate\.)?Feature\s*)?=\s*(?:(?:featuregate\.)?Feature\()?"([^"]+)"\)?\s*$/gm;
  for (const m of src.matchAll(constRe)) {
    consts.set(m[1], m[2]);
  }
  const imports = new Map<string, string>();
  const block = /import \(([\s\S]*?)\)/.exec(src)?.[1] ?? '';
  for (const m of block.matchAll(/^\s*(?:([A-Za-z_]\w*)\s+)?"([^"]+)"/gm)) {
    imports.set(m[1] ?? m[2].split('/').pop()!, m[2]);
  }
  const gates = new Map<string, GoSpec[]>();
  const mapRe = /map\[(?:featuregate\.)?Feature\](?:featuregate\.)?(VersionedSpecs|FeatureSpec)\{/g;
  for (const m of src.matchAll(mapRe)) {
    const body = braced(src, m.index! + m[0].length - 1);
    readGateEntries(body, m[1] === 'VersionedSpecs', gates);
  }
  return { consts, imports, gates };
}

function readGateEntries(body: string, versioned: boolean, into: Map<string, GoSpec[]>): void {
  let i = 0;
  while (i < body.length) {
    const colon = body.indexOf(':', i);
    if (colon < 0) {
      break;
    }
    const key = body.slice(i, colon).trim().replace(/,$/, '').trim();
    const open = body.indexOf('{', colon);
    const value = braced(body, open);
    const specs = versioned ? [...value.matchAll(/\{([^{}]*)\}/g)].map((s) => readSpec(s[1])) : [readSpec(value)];
    into.set(key, specs);
    i = open + value.length + 2;
    while (i < body.length && /[\s,]/.test(body[i])) {
      i++;
    }
  }
}

function readSpec(fields: string): GoSpec {
  const version = /Version:\s*version\.(?:MustParse\("([0-9.]+)"\)|MajorMinor\((\d+),\s*(\d+)\))/.exec(fields);
  const def = /Default:\s*(true|false)/.exec(fields);
  const pre = /PreRelease:\s*(?:featuregate\.)?(\w+)/.exec(fields);
  const lock = /LockToDefault:\s*(true|false)/.exec(fields);
  if (!def || !pre) {
    throw new Error(`unreadable feature spec {${fields}}`);
  }
  return {
    version: version ? (version[1] ?? `${version[2]}.${version[3]}`) : '',
    default: def[1] === 'true',
    preRelease: pre[1],
    lock: lock?.[1] === 'true',
  };
}

const STAGES: Readonly<Record<string, string>> = { Alpha: 'ALPHA', Beta: 'BETA', GA: 'GA', Deprecated: 'DEPRECATED' };

const versionNumber = (v: string): number => {
  const [major, minor] = v.split('.').map(Number);
  return major * 1000 + minor;
};

/** The spec in force at `minor`: the last entry whose Version is at most the minor (featuregate's featureSpecAtEmulationAndMinCompatVersion). */
function stateAt(specs: GoSpec[], minor: string): GateOut | undefined {
  let chosen: GoSpec | undefined;
  for (const s of specs) {
    if (s.version === '' || versionNumber(s.version) <= versionNumber(minor)) {
      chosen = s;
    }
  }
  if (!chosen) {
    return undefined;
  }
  const stage = STAGES[chosen.preRelease];
  if (!stage) {
    throw new Error(`unknown PreRelease ${chosen.preRelease}`);
  }
  return { stage, default: chosen.default, locked: chosen.lock };
}

interface FlagRegistration { type?: string; namePattern?: RegExp }

/** Flag registrations in Go sources: name (or a fmt.Sprintf pattern) → the type pflag gives it, when known. */
function readFlagRegistrations(sources: string[]): Map<string, FlagRegistration> {
  const out = new Map<string, FlagRegistration>();
  const re = /\b[A-Za-z_]\w*\.((?:[A-Z][A-Za-z0-9]*)?Var)P?\(\s*([^"]*?),\s*(?:"([a-z0-9][a-z0-9-]*)"|fmt\.Sprintf\("([a-z0-9%-]+)")/g;
  for (const src of sources) {
    for (const m of stripComments(src).matchAll(re)) {
      const fn = m[1];
      const valueExpr = m[2].trim();
      const type = fn === 'Var'
        ? GO_VALUE_TYPES.find(([r]) => r.test(valueExpr))?.[1]
        : GO_VAR_TYPES[fn];
      if (m[3] !== undefined) {
        out.set(m[3], { type });
      } else {
        const pattern = new RegExp(`^${m[4].replace(/%s/g, '[a-z]+')}$`);
        out.set(m[4], { type, namePattern: pattern });
      }
    }
  }
  return out;
}

function registeredType(regs: Map<string, FlagRegistration>, name: string): FlagRegistration | undefined {
  return regs.get(name) ?? [...regs.values()].find((r) => r.namePattern?.test(name));
}

// --- the model ---------------------------------------------------------------------------------------

interface Model { releases: ReleaseOut[]; notes: string[] }

function buildModel(up: Upstream): Model {
  const notes: string[] = [];
  const minors = Object.keys(STAGING);

  // Flags at PAGE_MINOR.
  const page = readPage(up.read(PAGE.owner, PAGE.repo, PAGE.commit, PAGE.path));
  const regsAt = new Map(minors.map((m) => [m, readFlagRegistrations(FLAG_SOURCES.map((s) => up.staging(m, s.repo, s.path)))]));
  const regsPage = regsAt.get(PAGE_MINOR)!;
  const pageFlags: Record<string, FlagSpecOut> = {};
  for (const f of page) {
    const pageType = PAGE_TYPES[f.displayType];
    if (pageType === undefined) {
      throw new Error(`--${f.name}: unknown type ${JSON.stringify(f.displayType)} on the reference page; map it in PAGE_TYPES`);
    }
    const goType = registeredType(regsPage, f.name)?.type;
    const type = KUBERNETES_FLAG_TYPES[f.name] ?? goType ?? pageType;
    if (type !== pageType) {
      notes.push(`--${f.name}: the page shows ${JSON.stringify(f.displayType)}, the registration says ${type}`);
    }
    const spec: FlagSpecOut = { type };
    if (f.default !== undefined) {
      spec.default = f.default;
    }
    if (isDeprecated(f.help)) {
      spec.deprecated = true;
    }
    const values = valuesOf(f.help);
    if (values) {
      spec.values = values;
    }
    pageFlags[f.name] = spec;
  }

  // Lists from the page.
  const byName = new Map(page.map((f) => [f.name, f]));
  const need = (name: string): PageFlag => {
    const f = byName.get(name);
    if (!f) {
      throw new Error(`--${name} is missing from the reference page`);
    }
    return f;
  };
  const admissionPlugins = valuesOf(need('enable-admission-plugins').help) ?? [];
  const authorizationModes = valuesOf(need('authorization-mode').help) ?? [];
  const tlsVersions = valuesOf(need('tls-min-version').help) ?? [];
  const tlsCipherSuites = cipherSuitesOf(need('tls-cipher-suites').help);
  if (!admissionPlugins.length || !authorizationModes.length || !tlsVersions.length || !tlsCipherSuites) {
    throw new Error('the reference page no longer lists admission plugins, authorization modes or TLS values where expected');
  }

  // Feature gates.
  const kube = readGoFeatureFile(up.read(KUBE_FEATURES.owner, KUBE_FEATURES.repo, KUBE_FEATURES.commit, KUBE_FEATURES.path));
  const documented = pageGates(page);
  // Names of relisted gates, resolved through the staging registries at the kube file's own minor.
  const namesByImport = new Map(GATE_REGISTRIES.map((r) =>
    [r.importPath, readGoFeatureFile(up.staging(PAGE_MINOR, r.repo, r.path)).consts]));
  const releases: ReleaseOut[] = [];
  for (const minor of minors) {
    const gates = new Map<string, GateOut>();
    for (const r of GATE_REGISTRIES) {
      const file = readGoFeatureFile(up.staging(minor, r.repo, r.path));
      for (const [key, specs] of file.gates) {
        const name = file.consts.get(key);
        if (name === undefined) {
          throw new Error(`${r.repo}/${r.path}@${minor}: unknown feature constant ${key}`);
        }
        const state = stateAt(specs, minor);
        if (state) {
          gates.set(name, state);
        }
      }
    }
    for (const [key, specs] of kube.gates) {
      const dot = key.indexOf('.');
      let name: string | undefined;
      if (dot < 0) {
        name = kube.consts.get(key);
      } else {
        const importPath = kube.imports.get(key.slice(0, dot));
        name = importPath === undefined ? undefined : namesByImport.get(importPath)?.get(key.slice(dot + 1));
      }
      if (name === undefined) {
        throw new Error(`pkg/features/kube_features.go: cannot resolve ${key}`);
      }
      if (dot >= 0 && gates.has(name)) {
        continue; // relisted from a staging registry, which is read at this minor's own tag
      }
      const at36 = stateAt(specs, PAGE_MINOR);
      if (at36 && (at36.stage === 'ALPHA' || at36.stage === 'BETA') && !documented.has(name)) {
        if (minor === minors[0]) {
          notes.push(`${name}: in the DataDog/kubernetes file but not in the 1.36 reference page (a gate of the fork); left out`);
        }
        continue;
      }
      const state = stateAt(specs, minor);
      if (state) {
        gates.set(name, state);
      }
    }
    if (minor === PAGE_MINOR) {
      checkAgainstPage(gates, documented);
    }

    // Flags at this minor: the page's, less the staging flags not yet registered, plus those registered here only.
    const regs = regsAt.get(minor)!;
    const flags: Record<string, FlagSpecOut> = {};
    for (const [name, spec] of Object.entries(pageFlags)) {
      if (regsPage.has(name) && !regs.has(name)) {
        notes.push(`--${name}: not registered at ${minor} (${STAGING[minor].tag}); left out of ${minor}`);
        continue;
      }
      flags[name] = spec;
    }
    for (const [name, reg] of regs) {
      if (!reg.namePattern && !regsPage.has(name) && !pageFlags[name]) {
        if (!reg.type) {
          throw new Error(`--${name} is registered at ${minor} only, with a type this generator cannot read`);
        }
        notes.push(`--${name}: registered at ${minor} but not at ${PAGE_MINOR}; added to ${minor} without default`);
        flags[name] = { type: reg.type };
      }
    }

    releases.push({
      minor,
      flags: sortObject(flags),
      featureGates: sortObject(Object.fromEntries(gates)),
      admissionPlugins,
      authorizationModes,
      tlsVersions,
      tlsCipherSuites,
    });
  }
  return { releases, notes: [...new Set(notes)] };
}

/** At the page's minor, the model's alpha and beta gates must be exactly the page's. */
function checkAgainstPage(gates: Map<string, GateOut>, documented: Map<string, GateOut>): void {
  const problems: string[] = [];
  for (const [name, doc] of documented) {
    const g = gates.get(name);
    if (!g) {
      problems.push(`${name} is on the page but in no registry read`);
    } else if (g.stage !== doc.stage || g.default !== doc.default) {
      problems.push(`${name}: page ${doc.stage}/${doc.default}, registries ${g.stage}/${g.default}`);
    }
  }
  for (const [name, g] of gates) {
    if ((g.stage === 'ALPHA' || g.stage === 'BETA') && !documented.has(name)) {
      problems.push(`${name} (${g.stage}) is not on the page`);
    }
  }
  if (problems.length) {
    throw new Error(`the feature gates at ${PAGE_MINOR} disagree with the reference page:\n  ${problems.join('\n  ')}`);
  }
}

function sortObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

// --- output ------------------------------------------------------------------------------------------

const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}'`;
const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : q(k));
const list = (xs: readonly string[]): string => `[${xs.map(q).join(', ')}]`;

function header(lines: string[]): string {
  return ['/*', ' * generated by scripts/kube-apiserver/generate.ts; do not edit.', ' *', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */', ''].join('\n');
}

const src = (owner: string, repo: string, commit: string, p: string): string => `${owner}/${repo} ${p} @ ${commit}`;

function releaseFile(r: ReleaseOut): string {
  const st = STAGING[r.minor];
  const lines = [
    `kube-apiserver ${r.minor}. Sources:`,
    `- flags, admission plugins, authorization modes, TLS versions and cipher suites: the ${PAGE_MINOR} reference page,`,
    `  ${src(PAGE.owner, PAGE.repo, PAGE.commit, PAGE.path)}`,
    `  (a fork of kubernetes/website), authoritative for ${PAGE_MINOR}${r.minor === PAGE_MINOR ? '' : `; used for ${r.minor} too, except the flags`}`,
    r.minor === PAGE_MINOR
      ? '  with types corrected from the flag registrations in the staging sources below'
      : `  registered in the staging sources below, which are read at ${st.tag}`,
    '- feature gates: the versioned specs, state at this minor, of',
    `  ${src(KUBE_FEATURES.owner, KUBE_FEATURES.repo, KUBE_FEATURES.commit, KUBE_FEATURES.path)}`,
    '  (kubernetes/kubernetes release 1.36 in a fork; its fork-only gates left out) and of the staging registries:',
    ...GATE_REGISTRIES.map((g) => `  ${src('kubernetes', g.repo, st.commits[g.repo], g.path)}`),
    `- flag registrations (staging, ${st.tag}):`,
    ...FLAG_SOURCES.map((f) => `  ${src('kubernetes', f.repo, st.commits[f.repo], f.path)}`),
  ];
  const flags = Object.entries(r.flags).map(([name, f]) => {
    const parts = [`type: ${q(f.type)}`];
    if (f.default !== undefined) {
      parts.push(`default: ${q(f.default)}`);
    }
    if (f.deprecated) {
      parts.push('deprecated: true');
    }
    if (f.values) {
      parts.push(`values: ${list(f.values)}`);
    }
    return `    ${q(name)}: { ${parts.join(', ')} },`;
  });
  const gates = Object.entries(r.featureGates).map(([name, g]) =>
    `    ${key(name)}: { stage: ${q(g.stage)}, default: ${g.default}, locked: ${g.locked} },`);
  const ident = `RELEASE_${r.minor.replace('.', '_')}`;
  return [
    header(lines),
    'import { KubeApiServerRelease } from \'../types\';',
    '',
    `export const ${ident}: KubeApiServerRelease = {`,
    `  minor: ${q(r.minor)},`,
    '  flags: {',
    ...flags,
    '  },',
    '  featureGates: {',
    ...gates,
    '  },',
    `  admissionPlugins: ${list(r.admissionPlugins)},`,
    `  authorizationModes: ${list(r.authorizationModes)},`,
    `  tlsVersions: ${list(r.tlsVersions)},`,
    '  tlsCipherSuites: {',
    `    secure: ${list(r.tlsCipherSuites.secure)},`,
    `    insecure: ${list(r.tlsCipherSuites.insecure)},`,
    '  },',
    '};',
    '',
  ].join('\n');
}

function indexFile(releases: ReleaseOut[], notes: string[]): string {
  const lines = [
    `kube-apiserver's command line for Kubernetes ${releases.map((r) => r.minor).join(', ')}; one file per minor.`,
    `The flag list is authoritative for ${PAGE_MINOR} (the reference page documents ${PAGE_MINOR}). The other minors`,
    'take the same flags, less the staging-registered flags their release tag does not register yet; flags',
    'added or removed in kubernetes/kubernetes itself between those minors are not known to this model.',
    'Feature gates are evaluated per minor from their versioned specs. Outside these minors',
    'kubeApiServerRelease() returns undefined and callers warn and skip the checks.',
    '',
    'Upstream sources (repository, path, commit):',
    `  ${src(PAGE.owner, PAGE.repo, PAGE.commit, PAGE.path)}`,
    `  ${src(KUBE_FEATURES.owner, KUBE_FEATURES.repo, KUBE_FEATURES.commit, KUBE_FEATURES.path)}`,
    ...Object.entries(STAGING).map(([m, s]) => `  staging repositories kubernetes/{${Object.keys(s.commits).join(',')}} at ${s.tag} for ${m} (commits in v${m.replace('.', '_')}.ts)`),
    '',
    'Generator notes:',
    ...notes.map((n) => `  ${n}`),
  ];
  return [
    header(lines),
    'import { KubeApiServerRelease } from \'../types\';',
    ...releases.map((r) => `import { RELEASE_${r.minor.replace('.', '_')} } from './v${r.minor.replace('.', '_')}';`),
    '',
    'export const RELEASES: Readonly<Record<string, KubeApiServerRelease>> = {',
    ...releases.map((r) => `  ${q(r.minor)}: RELEASE_${r.minor.replace('.', '_')},`),
    '};',
    '',
  ].join('\n');
}

/** The generated files, by path relative to the repository root. */
export function generate(sourceDir: string): Map<string, string> {
  const up = new Upstream(sourceDir);
  const model = buildModel(up);
  const unused = UPSTREAM_FILES.filter((u) => !up.used.has(u));
  if (unused.length) {
    throw new Error(`listed but never read: ${unused.join(', ')}`);
  }
  const out = new Map<string, string>();
  const dir = 'src/kube-apiserver/generated';
  for (const r of model.releases) {
    out.set(`${dir}/v${r.minor.replace('.', '_')}.ts`, releaseFile(r));
  }
  out.set(`${dir}/index.ts`, indexFile(model.releases, model.notes));
  return out;
}

function main(argv: string[]): void {
  const sourceAt = argv.indexOf('--source');
  const source = sourceAt >= 0 ? argv[sourceAt + 1] : '/work/upstream';
  if (!source) {
    throw new Error('--source needs a directory');
  }
  const check = argv.includes('--check');
  const root = path.resolve(__dirname, '..', '..');
  const files = generate(source);
  let stale = 0;
  for (const [rel, text] of files) {
    const file = path.join(root, rel);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === text) {
      continue;
    }
    stale++;
    if (check) {
      console.error(`${rel} differs from what the generator writes`);
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${rel}`);
    }
  }
  if (check && stale) {
    process.exit(1);
  }
  if (!stale) {
    console.log('generated files are up to date');
  }
}

if (require.main === module) {
  main(process.argv.slice(2));
}
