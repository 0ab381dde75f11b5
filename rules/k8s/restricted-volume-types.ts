import { isMap, isScalar, isSeq } from 'yaml';
import { defineRule } from '../types';
import { getIn, nodeRange, stringAt, type K8sModel, objectLabel } from './language';
import {  } from './workspace-util';

/** Volume sources the restricted Pod Security Standard allows. */
const ALLOWED = new Set(['configMap', 'downwardAPI', 'emptyDir', 'projected', 'secret', 'csi', 'persistentVolumeClaim', 'ephemeral', 'image']);

export default defineRule<K8sModel>({
  id: 'k8s/restricted-volume-types',
  title: 'Pods use only the volume types of the restricted standard',
  level: 'report',
  controls: ['k8s.host-isolation'],
  aliases: { pss: ['restrictedVolumes'], trivy: ['AVD-KSV-0028'] },
  docs: {
    rationale:
      'Volume plugins such as nfs, iscsi, rbd, cephfs or gitRepo let a pod mount storage the cluster does not mediate (and some run code on the node). The restricted Pod Security Standard allows only configMap, downwardAPI, emptyDir, projected, secret, csi, persistentVolumeClaim, ephemeral and image volumes.',
    howToFix: 'Expose the storage through a PersistentVolume and claim it with `persistentVolumeClaim` (or a CSI driver), and replace `gitRepo` with an init container that clones the repository into an `emptyDir`.',
    whenNotToUse: 'Namespaces that run at the baseline level on purpose (storage infrastructure): turn the rule off there or suppress it with a reason. hostPath volumes are k8s/host-path-volume\'s finding.',
    examples: { bad: 'volumes:\n  - name: data\n    nfs: {server: nfs.local, path: /exports}', good: 'volumes:\n  - name: data\n    persistentVolumeClaim: {claimName: data}' },
  },
  check(model, ctx) {
    for (const o of model.objects) {
      if (!o.podSpec) continue;
      const volumes = getIn(o.podSpec.node, ['volumes']);
      if (!isSeq(volumes)) continue;
      for (const v of volumes.items) {
        if (!isMap(v)) continue;
        const name = stringAt(v, ['name']) ?? '(unnamed)';
        for (const pair of v.items) {
          if (!isScalar(pair.key)) continue;
          const source = String(pair.key.value);
          if (source === 'name' || source === 'hostPath' || ALLOWED.has(source)) continue;
          ctx.report({
            range: nodeRange(model.index, pair.key as never)!,
            message: `${objectLabel(o)} mounts volume "${name}" of type ${source}, which the restricted Pod Security Standard does not allow; use a PersistentVolumeClaim or CSI volume instead.`,
          });
        }
      }
    }
  },
});
