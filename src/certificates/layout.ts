/**
 * From the Secrets cert-manager writes to the files the flags name.
 *
 * cert-manager writes three keys per Secret: `tls.crt` (the certificate, with any intermediates),
 * `tls.key` (its private key) and `ca.crt` (the CA at the top of the issuer's chain). The
 * kube-apiserver flags (src/model/flags.ts, src/etcd/config.ts) and the etcd flags name files of the
 * operator's layout (`apiserver.crt`, `front-proxy-ca.crt`, `etcd-client.key`...). The volumes
 * below map the one onto the other with `items`, so that no flag changes.
 *
 * They are whole volumes, mounted as directories, never with `subPath`: the kubelet then writes a
 * renewed Secret into the running pod (a subPath mount never sees an update).
 */
import type { k8s } from 'cdk8s-plus-28';
import { RULES, isDns1123Subdomain } from '../kubernetes/grammar';
import { CERT_VOLUME, ETCD_CERT_VOLUME } from '../model/layout';
import { Problems, q } from '../problems';
import { readObject, readString } from '../runtime';
import {
  ETCD_CA_FILE, ETCD_CLIENT_CERT_FILE, ETCD_CLIENT_KEY_FILE, ETCD_PEER_CERT_FILE, ETCD_PEER_KEY_FILE, ETCD_SERVER_CERT_FILE,
  ETCD_SERVER_CERT_VOLUME, ETCD_SERVER_KEY_FILE,
} from '../etcd/layout';

/** The keys of a Secret that cert-manager writes. */
export const TLS_CERT_KEY = 'tls.crt';
export const TLS_PRIVATE_KEY_KEY = 'tls.key';
export const CA_CERT_KEY = 'ca.crt';

/**
 * The mode of every certificate and key file: read for the owner and the group only. The kubelet
 * writes Secret files as root and, with the pod's `fsGroup` (65532 in our pods), gives them that
 * group and adds group read (mode | 0440) whatever we ask: 0440 is the tightest mode a non-root
 * pod can read, so we render it as it will be.
 */
export const CERTIFICATE_FILE_MODE = 0o440;

/** The Secrets that hold the API server's certificates, as cert-manager writes them. */
export interface ApiServerCertificateSecrets {
  /**
   * The serving certificate's Secret: its `tls.crt` and `tls.key` serve HTTPS, and its `ca.crt`
   * (the CA that signed it) is the CA the API server trusts for client certificates.
   */
  readonly servingSecretName: string;

  /**
   * The front-proxy client certificate's Secret: its `ca.crt` is the CA that aggregated API servers
   * and the API server trust for request-header authentication.
   */
  readonly frontProxyClientSecretName: string;

  /** The Secret whose `tls.key` signs and verifies service-account tokens. */
  readonly serviceAccountKeySecretName: string;
}

/**
 * Reads the Secrets of the API server's certificates whatever their runtime type: each name must be
 * a valid Secret name. Returns undefined (after recording a problem) when they cannot be used.
 */
export function readApiServerCertificateSecrets(value: unknown, field: string, problems: Problems): ApiServerCertificateSecrets | undefined {
  const given = readObject(value, field, problems, '{ servingSecretName, frontProxyClientSecretName, serviceAccountKeySecretName }');
  if (given === undefined) {
    return undefined;
  }
  const before = problems.list.length;
  const keys = ['servingSecretName', 'frontProxyClientSecretName', 'serviceAccountKeySecretName'];
  for (const key of Object.keys(given).filter((k) => !keys.includes(k))) {
    problems.add(`${field}.${key}`, `${q(key)} is not a field of the certificate Secrets`, `use ${keys.join(', ')} (KarmadaApiServerCertificates.secrets has them)`);
  }
  const names = keys.map((key) => {
    const name = readString(given[key], `${field}.${key}`, problems, 'name the Secret');
    if (name === undefined && given[key] === undefined) {
      problems.add(`${field}.${key}`, 'no Secret is named', 'give KarmadaApiServerCertificates.secrets, which names all three');
    } else if (name !== undefined && !isDns1123Subdomain(name)) {
      problems.add(`${field}.${key}`, `${q(name)} is not a valid Secret name (${RULES.dns1123Subdomain})`, 'name the Secret cert-manager writes the certificate to');
    }
    return name ?? '';
  });
  if (problems.list.length > before) {
    return undefined;
  }
  return { servingSecretName: names[0], frontProxyClientSecretName: names[1], serviceAccountKeySecretName: names[2] };
}

function item(key: string, path: string): k8s.KeyToPath {
  return { key, path };
}

/**
 * The API server's certificate directory (/etc/karmada/pki), from three cert-manager Secrets, with
 * the file names the operator's flags name:
 *
 * | file | from |
 * |---|---|
 * | ca.crt (`--client-ca-file`) | serving Secret, ca.crt |
 * | apiserver.crt, apiserver.key (`--tls-cert-file`, `--tls-private-key-file`) | serving Secret, tls.crt, tls.key |
 * | front-proxy-ca.crt (`--requestheader-client-ca-file`) | front-proxy client Secret, ca.crt |
 * | front-proxy-client.crt, .key (`--proxy-client-cert-file`, `--proxy-client-key-file`) | front-proxy client Secret, tls.crt, tls.key |
 * | karmada.key (`--service-account-key-file`, `--service-account-signing-key-file`) | service-account Secret, tls.key |
 *
 * Unlike the operator's Secret, no CA private key reaches the pod.
 */
export function apiServerCertificateVolume(secrets: ApiServerCertificateSecrets): k8s.Volume {
  return {
    name: CERT_VOLUME,
    projected: {
      defaultMode: CERTIFICATE_FILE_MODE,
      sources: [
        {
          secret: {
            name: secrets.servingSecretName,
            items: [item(CA_CERT_KEY, 'ca.crt'), item(TLS_CERT_KEY, 'apiserver.crt'), item(TLS_PRIVATE_KEY_KEY, 'apiserver.key')],
          },
        },
        {
          secret: {
            name: secrets.frontProxyClientSecretName,
            items: [
              item(CA_CERT_KEY, 'front-proxy-ca.crt'),
              item(TLS_CERT_KEY, 'front-proxy-client.crt'),
              item(TLS_PRIVATE_KEY_KEY, 'front-proxy-client.key'),
            ],
          },
        },
        { secret: { name: secrets.serviceAccountKeySecretName, items: [item(TLS_PRIVATE_KEY_KEY, 'karmada.key')] } },
      ],
    },
  };
}

/** How the etcd certificates are laid out in their Secrets. */
export enum EtcdSecretLayout {
  /** cert-manager's: one Secret per certificate, keys `tls.crt`, `tls.key`, `ca.crt`. */
  CERT_MANAGER = 'cert-manager',
  /**
   * The operator's: one Secret (`<instance>-etcd-cert`) with `etcd-ca.crt`, `etcd-server.crt`,
   * `etcd-server.key`, `etcd-client.crt`, `etcd-client.key` (and the CA's key, which we never mount).
   */
  OPERATOR = 'operator',
}

/**
 * The API server's etcd client directory (/etc/karmada/pki/etcd-client): `etcd-ca.crt`,
 * `etcd-client.crt` and `etcd-client.key`, the files of the operator's `--etcd-*file` flags. All
 * three come from one Secret, so a `secret` volume with `items` is enough.
 */
export function etcdClientCertificateVolume(secretName: string, layout: EtcdSecretLayout): k8s.Volume {
  const items = layout === EtcdSecretLayout.CERT_MANAGER
    ? [item(CA_CERT_KEY, ETCD_CA_FILE), item(TLS_CERT_KEY, ETCD_CLIENT_CERT_FILE), item(TLS_PRIVATE_KEY_KEY, ETCD_CLIENT_KEY_FILE)]
    : [ETCD_CA_FILE, ETCD_CLIENT_CERT_FILE, ETCD_CLIENT_KEY_FILE].map((file) => item(file, file));
  return { name: ETCD_CERT_VOLUME, secret: { secretName, defaultMode: CERTIFICATE_FILE_MODE, items } };
}

/** The Secrets of the etcd server and peer certificates. */
export interface EtcdServerSecrets {
  /** How the certificates are laid out in the Secrets. */
  readonly layout: EtcdSecretLayout;
  /** The server certificate's Secret (with the operator's layout, the one Secret). */
  readonly serverSecretName: string;
  /**
   * The peer certificate's Secret (cert-manager's layout only).
   *
   * @default - the server certificate's Secret
   */
  readonly peerSecretName?: string;
}

/**
 * The etcd pod's certificate directory (/etc/karmada/pki/etcd): `etcd-ca.crt`, `etcd-server.crt`,
 * `etcd-server.key`, `etcd-peer.crt`, `etcd-peer.key`.
 *
 * From cert-manager: the CA and server pair from the server Secret, the peer pair from the peer
 * Secret (both are signed by the etcd CA, so one CA file serves clients and peers). From the
 * operator's Secret, which has no peer certificate: the server pair serves as the peer pair too;
 * the operator makes it with server and client usages and the `*.<peer service>...` name, which is
 * what a peer certificate needs.
 */
export function etcdServerCertificateVolume(secrets: EtcdServerSecrets): k8s.Volume {
  const sources: k8s.VolumeProjection[] = secrets.layout === EtcdSecretLayout.CERT_MANAGER
    ? [
      {
        secret: {
          name: secrets.serverSecretName,
          items: [item(CA_CERT_KEY, ETCD_CA_FILE), item(TLS_CERT_KEY, ETCD_SERVER_CERT_FILE), item(TLS_PRIVATE_KEY_KEY, ETCD_SERVER_KEY_FILE)],
        },
      },
      {
        secret: {
          name: secrets.peerSecretName ?? secrets.serverSecretName,
          items: [item(TLS_CERT_KEY, ETCD_PEER_CERT_FILE), item(TLS_PRIVATE_KEY_KEY, ETCD_PEER_KEY_FILE)],
        },
      },
    ]
    : [{
      secret: {
        name: secrets.serverSecretName,
        items: [
          item(ETCD_CA_FILE, ETCD_CA_FILE),
          item(ETCD_SERVER_CERT_FILE, ETCD_SERVER_CERT_FILE),
          item(ETCD_SERVER_KEY_FILE, ETCD_SERVER_KEY_FILE),
          item(ETCD_SERVER_CERT_FILE, ETCD_PEER_CERT_FILE),
          item(ETCD_SERVER_KEY_FILE, ETCD_PEER_KEY_FILE),
        ],
      },
    }];
  return { name: ETCD_SERVER_CERT_VOLUME, projected: { defaultMode: CERTIFICATE_FILE_MODE, sources } };
}
