// Dockerfile rules, one module each. Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { DockerModel } from './language';
// batch-core
import noSudo from './no-sudo';
// batch-a (security & secrets)
import allowedRegistries from './allowed-registries';
import baseImagePinned from './base-image-pinned';
import copyInsteadOfAdd from './copy-instead-of-add';
import lastUserRoot from './last-user-root';
import missingUser from './missing-user';
import noChpasswd from './no-chpasswd';
import noCopyEntireFsFromStage from './no-copy-entire-fs-from-stage';
import noSecretsInArgEnv from './no-secrets-in-arg-env';
import noSshPort from './no-ssh-port';
import noTlsVerificationDisabled from './no-tls-verification-disabled';
import noUnsignedPackages from './no-unsigned-packages';
import numericUser from './numeric-user';
import workdirNotSystemDir from './workdir-not-system-dir';
// batch-b (runtime & build correctness)
import absoluteWorkdir from './absolute-workdir';
import consistentInstructionCasing from './consistent-instruction-casing';
import copyFromValidStage from './copy-from-valid-stage';
import copyMultiArgTrailingSlash from './copy-multi-arg-trailing-slash';
import execFormCmdEntrypoint from './exec-form-cmd-entrypoint';
import exposeInvalidFormat from './expose-invalid-format';
import exposeProtoCasing from './expose-proto-casing';
import fromAsCasing from './from-as-casing';
import healthcheckMissing from './healthcheck-missing';
import legacyKeyValueFormat from './legacy-key-value-format';
import noMaintainer from './no-maintainer';
import pipefail from './pipefail';
import reservedStageName from './reserved-stage-name';
import singleCmd from './single-cmd';
import singleEntrypoint from './single-entrypoint';
import singleHealthcheck from './single-healthcheck';
import stageNameCasing from './stage-name-casing';
import uniqueStageNames from './unique-stage-names';
import useWorkdirNotCd from './use-workdir-not-cd';
import validPortRange from './valid-port-range';
// batch-c (package managers & misc)
import aptGetNotApt from './apt-get-not-apt';
import aptNoInstallRecommends from './apt-no-install-recommends';
import eitherWgetOrCurl from './either-wget-or-curl';
import noDistUpgrade from './no-dist-upgrade';
import noInteractiveCommands from './no-interactive-commands';
import pinPackageVersions from './pin-package-versions';
import pmCacheCleanup from './pm-cache-cleanup';
import pmNonInteractive from './pm-non-interactive';
import updateNotAlone from './update-not-alone';
import useShellInstruction from './use-shell-instruction';
import useraddLFlag from './useradd-l-flag';
import wgetProgress from './wget-progress';

export const dockerRules: Rule<DockerModel>[] = [
  // batch-core
  noSudo,
  // batch-a
  allowedRegistries,
  baseImagePinned,
  copyInsteadOfAdd,
  lastUserRoot,
  missingUser,
  noChpasswd,
  noCopyEntireFsFromStage,
  noSecretsInArgEnv,
  noSshPort,
  noTlsVerificationDisabled,
  noUnsignedPackages,
  numericUser,
  workdirNotSystemDir,
  // batch-b
  absoluteWorkdir,
  consistentInstructionCasing,
  copyFromValidStage,
  copyMultiArgTrailingSlash,
  execFormCmdEntrypoint,
  exposeInvalidFormat,
  exposeProtoCasing,
  fromAsCasing,
  healthcheckMissing,
  legacyKeyValueFormat,
  noMaintainer,
  pipefail,
  reservedStageName,
  singleCmd,
  singleEntrypoint,
  singleHealthcheck,
  stageNameCasing,
  uniqueStageNames,
  useWorkdirNotCd,
  validPortRange,
  // batch-c
  aptGetNotApt,
  aptNoInstallRecommends,
  eitherWgetOrCurl,
  noDistUpgrade,
  noInteractiveCommands,
  pinPackageVersions,
  pmCacheCleanup,
  pmNonInteractive,
  updateNotAlone,
  useShellInstruction,
  useraddLFlag,
  wgetProgress,
];
