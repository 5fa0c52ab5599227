//! @generated from `kubernetes.json` by the test
//! `openapi::tests::builtin_tables_match_the_extracted_schema` (run it
//! with `SLUICE_REGENERATE=1` to write this file): the builtin schema as
//! tables sorted for binary search.

use std::borrow::Cow;

use super::{FieldInfo, row};

pub(super) static GVK: &[(&str, &str)] = &[
    ("admission.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("admission.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("admission.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("admission.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("admissionregistration.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("admissionregistration.k8s.io/v1/MutatingWebhookConfiguration", "io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1/MutatingWebhookConfigurationList", "io.k8s.api.admissionregistration.v1.MutatingWebhookConfigurationList"),
    ("admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration", "io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1/ValidatingWebhookConfigurationList", "io.k8s.api.admissionregistration.v1.ValidatingWebhookConfigurationList"),
    ("admissionregistration.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("admissionregistration.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration", "io.k8s.api.admissionregistration.v1beta1.MutatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1beta1/MutatingWebhookConfigurationList", "io.k8s.api.admissionregistration.v1beta1.MutatingWebhookConfigurationList"),
    ("admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration", "io.k8s.api.admissionregistration.v1beta1.ValidatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfigurationList", "io.k8s.api.admissionregistration.v1beta1.ValidatingWebhookConfigurationList"),
    ("admissionregistration.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("apiextensions.k8s.io/v1/CustomResourceDefinition", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition"),
    ("apiextensions.k8s.io/v1/CustomResourceDefinitionList", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionList"),
    ("apiextensions.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("apiextensions.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("apiextensions.k8s.io/v1beta1/CustomResourceDefinition", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinition"),
    ("apiextensions.k8s.io/v1beta1/CustomResourceDefinitionList", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionList"),
    ("apiextensions.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("apiextensions.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("apiregistration.k8s.io/v1/APIService", "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService"),
    ("apiregistration.k8s.io/v1/APIServiceList", "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceList"),
    ("apiregistration.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("apiregistration.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("apiregistration.k8s.io/v1beta1/APIService", "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIService"),
    ("apiregistration.k8s.io/v1beta1/APIServiceList", "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceList"),
    ("apiregistration.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("apiregistration.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("apps/v1/ControllerRevision", "io.k8s.api.apps.v1.ControllerRevision"),
    ("apps/v1/ControllerRevisionList", "io.k8s.api.apps.v1.ControllerRevisionList"),
    ("apps/v1/DaemonSet", "io.k8s.api.apps.v1.DaemonSet"),
    ("apps/v1/DaemonSetList", "io.k8s.api.apps.v1.DaemonSetList"),
    ("apps/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("apps/v1/Deployment", "io.k8s.api.apps.v1.Deployment"),
    ("apps/v1/DeploymentList", "io.k8s.api.apps.v1.DeploymentList"),
    ("apps/v1/ReplicaSet", "io.k8s.api.apps.v1.ReplicaSet"),
    ("apps/v1/ReplicaSetList", "io.k8s.api.apps.v1.ReplicaSetList"),
    ("apps/v1/StatefulSet", "io.k8s.api.apps.v1.StatefulSet"),
    ("apps/v1/StatefulSetList", "io.k8s.api.apps.v1.StatefulSetList"),
    ("apps/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("apps/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("apps/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("apps/v1beta2/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("apps/v1beta2/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("authentication.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("authentication.k8s.io/v1/TokenRequest", "io.k8s.api.authentication.v1.TokenRequest"),
    ("authentication.k8s.io/v1/TokenReview", "io.k8s.api.authentication.v1.TokenReview"),
    ("authentication.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("authentication.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("authentication.k8s.io/v1beta1/TokenReview", "io.k8s.api.authentication.v1beta1.TokenReview"),
    ("authentication.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("authorization.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("authorization.k8s.io/v1/LocalSubjectAccessReview", "io.k8s.api.authorization.v1.LocalSubjectAccessReview"),
    ("authorization.k8s.io/v1/SelfSubjectAccessReview", "io.k8s.api.authorization.v1.SelfSubjectAccessReview"),
    ("authorization.k8s.io/v1/SelfSubjectRulesReview", "io.k8s.api.authorization.v1.SelfSubjectRulesReview"),
    ("authorization.k8s.io/v1/SubjectAccessReview", "io.k8s.api.authorization.v1.SubjectAccessReview"),
    ("authorization.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("authorization.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("authorization.k8s.io/v1beta1/LocalSubjectAccessReview", "io.k8s.api.authorization.v1beta1.LocalSubjectAccessReview"),
    ("authorization.k8s.io/v1beta1/SelfSubjectAccessReview", "io.k8s.api.authorization.v1beta1.SelfSubjectAccessReview"),
    ("authorization.k8s.io/v1beta1/SelfSubjectRulesReview", "io.k8s.api.authorization.v1beta1.SelfSubjectRulesReview"),
    ("authorization.k8s.io/v1beta1/SubjectAccessReview", "io.k8s.api.authorization.v1beta1.SubjectAccessReview"),
    ("authorization.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("autoscaling/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("autoscaling/v1/HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler"),
    ("autoscaling/v1/HorizontalPodAutoscalerList", "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerList"),
    ("autoscaling/v1/Scale", "io.k8s.api.autoscaling.v1.Scale"),
    ("autoscaling/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("autoscaling/v2beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("autoscaling/v2beta1/HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscaler"),
    ("autoscaling/v2beta1/HorizontalPodAutoscalerList", "io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerList"),
    ("autoscaling/v2beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("autoscaling/v2beta2/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("autoscaling/v2beta2/HorizontalPodAutoscaler", "io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscaler"),
    ("autoscaling/v2beta2/HorizontalPodAutoscalerList", "io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerList"),
    ("autoscaling/v2beta2/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("batch/v1/CronJob", "io.k8s.api.batch.v1.CronJob"),
    ("batch/v1/CronJobList", "io.k8s.api.batch.v1.CronJobList"),
    ("batch/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("batch/v1/Job", "io.k8s.api.batch.v1.Job"),
    ("batch/v1/JobList", "io.k8s.api.batch.v1.JobList"),
    ("batch/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("batch/v1beta1/CronJob", "io.k8s.api.batch.v1beta1.CronJob"),
    ("batch/v1beta1/CronJobList", "io.k8s.api.batch.v1beta1.CronJobList"),
    ("batch/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("batch/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("certificates.k8s.io/v1/CertificateSigningRequest", "io.k8s.api.certificates.v1.CertificateSigningRequest"),
    ("certificates.k8s.io/v1/CertificateSigningRequestList", "io.k8s.api.certificates.v1.CertificateSigningRequestList"),
    ("certificates.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("certificates.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("certificates.k8s.io/v1beta1/CertificateSigningRequest", "io.k8s.api.certificates.v1beta1.CertificateSigningRequest"),
    ("certificates.k8s.io/v1beta1/CertificateSigningRequestList", "io.k8s.api.certificates.v1beta1.CertificateSigningRequestList"),
    ("certificates.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("certificates.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("coordination.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("coordination.k8s.io/v1/Lease", "io.k8s.api.coordination.v1.Lease"),
    ("coordination.k8s.io/v1/LeaseList", "io.k8s.api.coordination.v1.LeaseList"),
    ("coordination.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("coordination.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("coordination.k8s.io/v1beta1/Lease", "io.k8s.api.coordination.v1beta1.Lease"),
    ("coordination.k8s.io/v1beta1/LeaseList", "io.k8s.api.coordination.v1beta1.LeaseList"),
    ("coordination.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("discovery.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("discovery.k8s.io/v1/EndpointSlice", "io.k8s.api.discovery.v1.EndpointSlice"),
    ("discovery.k8s.io/v1/EndpointSliceList", "io.k8s.api.discovery.v1.EndpointSliceList"),
    ("discovery.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("discovery.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("discovery.k8s.io/v1beta1/EndpointSlice", "io.k8s.api.discovery.v1beta1.EndpointSlice"),
    ("discovery.k8s.io/v1beta1/EndpointSliceList", "io.k8s.api.discovery.v1beta1.EndpointSliceList"),
    ("discovery.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("events.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("events.k8s.io/v1/Event", "io.k8s.api.events.v1.Event"),
    ("events.k8s.io/v1/EventList", "io.k8s.api.events.v1.EventList"),
    ("events.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("events.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("events.k8s.io/v1beta1/Event", "io.k8s.api.events.v1beta1.Event"),
    ("events.k8s.io/v1beta1/EventList", "io.k8s.api.events.v1beta1.EventList"),
    ("events.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("extensions/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("extensions/v1beta1/Ingress", "io.k8s.api.extensions.v1beta1.Ingress"),
    ("extensions/v1beta1/IngressList", "io.k8s.api.extensions.v1beta1.IngressList"),
    ("extensions/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("flowcontrol.apiserver.k8s.io/v1alpha1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("flowcontrol.apiserver.k8s.io/v1alpha1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("flowcontrol.apiserver.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema", "io.k8s.api.flowcontrol.v1beta1.FlowSchema"),
    ("flowcontrol.apiserver.k8s.io/v1beta1/FlowSchemaList", "io.k8s.api.flowcontrol.v1beta1.FlowSchemaList"),
    ("flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration", "io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfiguration"),
    ("flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfigurationList", "io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationList"),
    ("flowcontrol.apiserver.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("imagepolicy.k8s.io/v1alpha1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("imagepolicy.k8s.io/v1alpha1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("internal.apiserver.k8s.io/v1alpha1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("internal.apiserver.k8s.io/v1alpha1/StorageVersion", "io.k8s.api.apiserverinternal.v1alpha1.StorageVersion"),
    ("internal.apiserver.k8s.io/v1alpha1/StorageVersionList", "io.k8s.api.apiserverinternal.v1alpha1.StorageVersionList"),
    ("internal.apiserver.k8s.io/v1alpha1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("networking.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("networking.k8s.io/v1/Ingress", "io.k8s.api.networking.v1.Ingress"),
    ("networking.k8s.io/v1/IngressClass", "io.k8s.api.networking.v1.IngressClass"),
    ("networking.k8s.io/v1/IngressClassList", "io.k8s.api.networking.v1.IngressClassList"),
    ("networking.k8s.io/v1/IngressList", "io.k8s.api.networking.v1.IngressList"),
    ("networking.k8s.io/v1/NetworkPolicy", "io.k8s.api.networking.v1.NetworkPolicy"),
    ("networking.k8s.io/v1/NetworkPolicyList", "io.k8s.api.networking.v1.NetworkPolicyList"),
    ("networking.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("networking.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("networking.k8s.io/v1beta1/Ingress", "io.k8s.api.networking.v1beta1.Ingress"),
    ("networking.k8s.io/v1beta1/IngressClass", "io.k8s.api.networking.v1beta1.IngressClass"),
    ("networking.k8s.io/v1beta1/IngressClassList", "io.k8s.api.networking.v1beta1.IngressClassList"),
    ("networking.k8s.io/v1beta1/IngressList", "io.k8s.api.networking.v1beta1.IngressList"),
    ("networking.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("node.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("node.k8s.io/v1/RuntimeClass", "io.k8s.api.node.v1.RuntimeClass"),
    ("node.k8s.io/v1/RuntimeClassList", "io.k8s.api.node.v1.RuntimeClassList"),
    ("node.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("node.k8s.io/v1alpha1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("node.k8s.io/v1alpha1/RuntimeClass", "io.k8s.api.node.v1alpha1.RuntimeClass"),
    ("node.k8s.io/v1alpha1/RuntimeClassList", "io.k8s.api.node.v1alpha1.RuntimeClassList"),
    ("node.k8s.io/v1alpha1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("node.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("node.k8s.io/v1beta1/RuntimeClass", "io.k8s.api.node.v1beta1.RuntimeClass"),
    ("node.k8s.io/v1beta1/RuntimeClassList", "io.k8s.api.node.v1beta1.RuntimeClassList"),
    ("node.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("policy/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("policy/v1/PodDisruptionBudget", "io.k8s.api.policy.v1.PodDisruptionBudget"),
    ("policy/v1/PodDisruptionBudgetList", "io.k8s.api.policy.v1.PodDisruptionBudgetList"),
    ("policy/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("policy/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("policy/v1beta1/Eviction", "io.k8s.api.policy.v1beta1.Eviction"),
    ("policy/v1beta1/PodDisruptionBudget", "io.k8s.api.policy.v1beta1.PodDisruptionBudget"),
    ("policy/v1beta1/PodDisruptionBudgetList", "io.k8s.api.policy.v1beta1.PodDisruptionBudgetList"),
    ("policy/v1beta1/PodSecurityPolicy", "io.k8s.api.policy.v1beta1.PodSecurityPolicy"),
    ("policy/v1beta1/PodSecurityPolicyList", "io.k8s.api.policy.v1beta1.PodSecurityPolicyList"),
    ("policy/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("rbac.authorization.k8s.io/v1/ClusterRole", "io.k8s.api.rbac.v1.ClusterRole"),
    ("rbac.authorization.k8s.io/v1/ClusterRoleBinding", "io.k8s.api.rbac.v1.ClusterRoleBinding"),
    ("rbac.authorization.k8s.io/v1/ClusterRoleBindingList", "io.k8s.api.rbac.v1.ClusterRoleBindingList"),
    ("rbac.authorization.k8s.io/v1/ClusterRoleList", "io.k8s.api.rbac.v1.ClusterRoleList"),
    ("rbac.authorization.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("rbac.authorization.k8s.io/v1/Role", "io.k8s.api.rbac.v1.Role"),
    ("rbac.authorization.k8s.io/v1/RoleBinding", "io.k8s.api.rbac.v1.RoleBinding"),
    ("rbac.authorization.k8s.io/v1/RoleBindingList", "io.k8s.api.rbac.v1.RoleBindingList"),
    ("rbac.authorization.k8s.io/v1/RoleList", "io.k8s.api.rbac.v1.RoleList"),
    ("rbac.authorization.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("rbac.authorization.k8s.io/v1alpha1/ClusterRole", "io.k8s.api.rbac.v1alpha1.ClusterRole"),
    ("rbac.authorization.k8s.io/v1alpha1/ClusterRoleBinding", "io.k8s.api.rbac.v1alpha1.ClusterRoleBinding"),
    ("rbac.authorization.k8s.io/v1alpha1/ClusterRoleBindingList", "io.k8s.api.rbac.v1alpha1.ClusterRoleBindingList"),
    ("rbac.authorization.k8s.io/v1alpha1/ClusterRoleList", "io.k8s.api.rbac.v1alpha1.ClusterRoleList"),
    ("rbac.authorization.k8s.io/v1alpha1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("rbac.authorization.k8s.io/v1alpha1/Role", "io.k8s.api.rbac.v1alpha1.Role"),
    ("rbac.authorization.k8s.io/v1alpha1/RoleBinding", "io.k8s.api.rbac.v1alpha1.RoleBinding"),
    ("rbac.authorization.k8s.io/v1alpha1/RoleBindingList", "io.k8s.api.rbac.v1alpha1.RoleBindingList"),
    ("rbac.authorization.k8s.io/v1alpha1/RoleList", "io.k8s.api.rbac.v1alpha1.RoleList"),
    ("rbac.authorization.k8s.io/v1alpha1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("rbac.authorization.k8s.io/v1beta1/ClusterRole", "io.k8s.api.rbac.v1beta1.ClusterRole"),
    ("rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding", "io.k8s.api.rbac.v1beta1.ClusterRoleBinding"),
    ("rbac.authorization.k8s.io/v1beta1/ClusterRoleBindingList", "io.k8s.api.rbac.v1beta1.ClusterRoleBindingList"),
    ("rbac.authorization.k8s.io/v1beta1/ClusterRoleList", "io.k8s.api.rbac.v1beta1.ClusterRoleList"),
    ("rbac.authorization.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("rbac.authorization.k8s.io/v1beta1/Role", "io.k8s.api.rbac.v1beta1.Role"),
    ("rbac.authorization.k8s.io/v1beta1/RoleBinding", "io.k8s.api.rbac.v1beta1.RoleBinding"),
    ("rbac.authorization.k8s.io/v1beta1/RoleBindingList", "io.k8s.api.rbac.v1beta1.RoleBindingList"),
    ("rbac.authorization.k8s.io/v1beta1/RoleList", "io.k8s.api.rbac.v1beta1.RoleList"),
    ("rbac.authorization.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("scheduling.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("scheduling.k8s.io/v1/PriorityClass", "io.k8s.api.scheduling.v1.PriorityClass"),
    ("scheduling.k8s.io/v1/PriorityClassList", "io.k8s.api.scheduling.v1.PriorityClassList"),
    ("scheduling.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("scheduling.k8s.io/v1alpha1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("scheduling.k8s.io/v1alpha1/PriorityClass", "io.k8s.api.scheduling.v1alpha1.PriorityClass"),
    ("scheduling.k8s.io/v1alpha1/PriorityClassList", "io.k8s.api.scheduling.v1alpha1.PriorityClassList"),
    ("scheduling.k8s.io/v1alpha1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("scheduling.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("scheduling.k8s.io/v1beta1/PriorityClass", "io.k8s.api.scheduling.v1beta1.PriorityClass"),
    ("scheduling.k8s.io/v1beta1/PriorityClassList", "io.k8s.api.scheduling.v1beta1.PriorityClassList"),
    ("scheduling.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("storage.k8s.io/v1/CSIDriver", "io.k8s.api.storage.v1.CSIDriver"),
    ("storage.k8s.io/v1/CSIDriverList", "io.k8s.api.storage.v1.CSIDriverList"),
    ("storage.k8s.io/v1/CSINode", "io.k8s.api.storage.v1.CSINode"),
    ("storage.k8s.io/v1/CSINodeList", "io.k8s.api.storage.v1.CSINodeList"),
    ("storage.k8s.io/v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("storage.k8s.io/v1/StorageClass", "io.k8s.api.storage.v1.StorageClass"),
    ("storage.k8s.io/v1/StorageClassList", "io.k8s.api.storage.v1.StorageClassList"),
    ("storage.k8s.io/v1/VolumeAttachment", "io.k8s.api.storage.v1.VolumeAttachment"),
    ("storage.k8s.io/v1/VolumeAttachmentList", "io.k8s.api.storage.v1.VolumeAttachmentList"),
    ("storage.k8s.io/v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("storage.k8s.io/v1alpha1/CSIStorageCapacity", "io.k8s.api.storage.v1alpha1.CSIStorageCapacity"),
    ("storage.k8s.io/v1alpha1/CSIStorageCapacityList", "io.k8s.api.storage.v1alpha1.CSIStorageCapacityList"),
    ("storage.k8s.io/v1alpha1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("storage.k8s.io/v1alpha1/VolumeAttachment", "io.k8s.api.storage.v1alpha1.VolumeAttachment"),
    ("storage.k8s.io/v1alpha1/VolumeAttachmentList", "io.k8s.api.storage.v1alpha1.VolumeAttachmentList"),
    ("storage.k8s.io/v1alpha1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("storage.k8s.io/v1beta1/CSIDriver", "io.k8s.api.storage.v1beta1.CSIDriver"),
    ("storage.k8s.io/v1beta1/CSIDriverList", "io.k8s.api.storage.v1beta1.CSIDriverList"),
    ("storage.k8s.io/v1beta1/CSINode", "io.k8s.api.storage.v1beta1.CSINode"),
    ("storage.k8s.io/v1beta1/CSINodeList", "io.k8s.api.storage.v1beta1.CSINodeList"),
    ("storage.k8s.io/v1beta1/CSIStorageCapacity", "io.k8s.api.storage.v1beta1.CSIStorageCapacity"),
    ("storage.k8s.io/v1beta1/CSIStorageCapacityList", "io.k8s.api.storage.v1beta1.CSIStorageCapacityList"),
    ("storage.k8s.io/v1beta1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("storage.k8s.io/v1beta1/StorageClass", "io.k8s.api.storage.v1beta1.StorageClass"),
    ("storage.k8s.io/v1beta1/StorageClassList", "io.k8s.api.storage.v1beta1.StorageClassList"),
    ("storage.k8s.io/v1beta1/VolumeAttachment", "io.k8s.api.storage.v1beta1.VolumeAttachment"),
    ("storage.k8s.io/v1beta1/VolumeAttachmentList", "io.k8s.api.storage.v1beta1.VolumeAttachmentList"),
    ("storage.k8s.io/v1beta1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
    ("v1/APIGroup", "io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup"),
    ("v1/APIGroupList", "io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList"),
    ("v1/APIResourceList", "io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList"),
    ("v1/APIVersions", "io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions"),
    ("v1/Binding", "io.k8s.api.core.v1.Binding"),
    ("v1/ComponentStatus", "io.k8s.api.core.v1.ComponentStatus"),
    ("v1/ComponentStatusList", "io.k8s.api.core.v1.ComponentStatusList"),
    ("v1/ConfigMap", "io.k8s.api.core.v1.ConfigMap"),
    ("v1/ConfigMapList", "io.k8s.api.core.v1.ConfigMapList"),
    ("v1/DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
    ("v1/Endpoints", "io.k8s.api.core.v1.Endpoints"),
    ("v1/EndpointsList", "io.k8s.api.core.v1.EndpointsList"),
    ("v1/EphemeralContainers", "io.k8s.api.core.v1.EphemeralContainers"),
    ("v1/Event", "io.k8s.api.core.v1.Event"),
    ("v1/EventList", "io.k8s.api.core.v1.EventList"),
    ("v1/LimitRange", "io.k8s.api.core.v1.LimitRange"),
    ("v1/LimitRangeList", "io.k8s.api.core.v1.LimitRangeList"),
    ("v1/Namespace", "io.k8s.api.core.v1.Namespace"),
    ("v1/NamespaceList", "io.k8s.api.core.v1.NamespaceList"),
    ("v1/Node", "io.k8s.api.core.v1.Node"),
    ("v1/NodeList", "io.k8s.api.core.v1.NodeList"),
    ("v1/PersistentVolume", "io.k8s.api.core.v1.PersistentVolume"),
    ("v1/PersistentVolumeClaim", "io.k8s.api.core.v1.PersistentVolumeClaim"),
    ("v1/PersistentVolumeClaimList", "io.k8s.api.core.v1.PersistentVolumeClaimList"),
    ("v1/PersistentVolumeList", "io.k8s.api.core.v1.PersistentVolumeList"),
    ("v1/Pod", "io.k8s.api.core.v1.Pod"),
    ("v1/PodList", "io.k8s.api.core.v1.PodList"),
    ("v1/PodTemplate", "io.k8s.api.core.v1.PodTemplate"),
    ("v1/PodTemplateList", "io.k8s.api.core.v1.PodTemplateList"),
    ("v1/ReplicationController", "io.k8s.api.core.v1.ReplicationController"),
    ("v1/ReplicationControllerList", "io.k8s.api.core.v1.ReplicationControllerList"),
    ("v1/ResourceQuota", "io.k8s.api.core.v1.ResourceQuota"),
    ("v1/ResourceQuotaList", "io.k8s.api.core.v1.ResourceQuotaList"),
    ("v1/Secret", "io.k8s.api.core.v1.Secret"),
    ("v1/SecretList", "io.k8s.api.core.v1.SecretList"),
    ("v1/Service", "io.k8s.api.core.v1.Service"),
    ("v1/ServiceAccount", "io.k8s.api.core.v1.ServiceAccount"),
    ("v1/ServiceAccountList", "io.k8s.api.core.v1.ServiceAccountList"),
    ("v1/ServiceList", "io.k8s.api.core.v1.ServiceList"),
    ("v1/Status", "io.k8s.apimachinery.pkg.apis.meta.v1.Status"),
    ("v1/WatchEvent", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"),
];

pub(super) static DEFINITIONS: &[(&str, &[(&str, FieldInfo)])] = &[
    ("io.k8s.api.admissionregistration.v1.MutatingWebhook", &[
        ("admissionReviewVersions", row(None, true, true, None, false, None, None, &[])),
        ("clientConfig", row(Some("io.k8s.api.admissionregistration.v1.WebhookClientConfig"), false, false, None, false, None, None, &[])),
        ("namespaceSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("objectSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.admissionregistration.v1.RuleWithOperations"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("webhooks", row(Some("io.k8s.api.admissionregistration.v1.MutatingWebhook"), true, false, None, false, Some("merge"), Some("name"), &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1.MutatingWebhookConfigurationList", &[
        ("items", row(Some("io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1.RuleWithOperations", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("apiVersions", row(None, true, true, None, false, None, None, &[])),
        ("operations", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1.ValidatingWebhook", &[
        ("admissionReviewVersions", row(None, true, true, None, false, None, None, &[])),
        ("clientConfig", row(Some("io.k8s.api.admissionregistration.v1.WebhookClientConfig"), false, false, None, false, None, None, &[])),
        ("namespaceSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("objectSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.admissionregistration.v1.RuleWithOperations"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("webhooks", row(Some("io.k8s.api.admissionregistration.v1.ValidatingWebhook"), true, false, None, false, Some("merge"), Some("name"), &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1.ValidatingWebhookConfigurationList", &[
        ("items", row(Some("io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1.WebhookClientConfig", &[
        ("service", row(Some("io.k8s.api.admissionregistration.v1.ServiceReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.MutatingWebhook", &[
        ("admissionReviewVersions", row(None, true, true, None, false, None, None, &[])),
        ("clientConfig", row(Some("io.k8s.api.admissionregistration.v1beta1.WebhookClientConfig"), false, false, None, false, None, None, &[])),
        ("namespaceSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("objectSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.admissionregistration.v1beta1.RuleWithOperations"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.MutatingWebhookConfiguration", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("webhooks", row(Some("io.k8s.api.admissionregistration.v1beta1.MutatingWebhook"), true, false, None, false, Some("merge"), Some("name"), &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.MutatingWebhookConfigurationList", &[
        ("items", row(Some("io.k8s.api.admissionregistration.v1beta1.MutatingWebhookConfiguration"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.RuleWithOperations", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("apiVersions", row(None, true, true, None, false, None, None, &[])),
        ("operations", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.ValidatingWebhook", &[
        ("admissionReviewVersions", row(None, true, true, None, false, None, None, &[])),
        ("clientConfig", row(Some("io.k8s.api.admissionregistration.v1beta1.WebhookClientConfig"), false, false, None, false, None, None, &[])),
        ("namespaceSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("objectSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.admissionregistration.v1beta1.RuleWithOperations"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.ValidatingWebhookConfiguration", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("webhooks", row(Some("io.k8s.api.admissionregistration.v1beta1.ValidatingWebhook"), true, false, None, false, Some("merge"), Some("name"), &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.ValidatingWebhookConfigurationList", &[
        ("items", row(Some("io.k8s.api.admissionregistration.v1beta1.ValidatingWebhookConfiguration"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.admissionregistration.v1beta1.WebhookClientConfig", &[
        ("service", row(Some("io.k8s.api.admissionregistration.v1beta1.ServiceReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apiserverinternal.v1alpha1.ServerStorageVersion", &[
        ("decodableVersions", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apiserverinternal.v1alpha1.StorageVersion", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.apiserverinternal.v1alpha1.StorageVersionSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.apiserverinternal.v1alpha1.StorageVersionStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apiserverinternal.v1alpha1.StorageVersionCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apiserverinternal.v1alpha1.StorageVersionList", &[
        ("items", row(Some("io.k8s.api.apiserverinternal.v1alpha1.StorageVersion"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apiserverinternal.v1alpha1.StorageVersionStatus", &[
        ("conditions", row(Some("io.k8s.api.apiserverinternal.v1alpha1.StorageVersionCondition"), true, false, None, false, None, None, &[Cow::Borrowed("type")])),
        ("storageVersions", row(Some("io.k8s.api.apiserverinternal.v1alpha1.ServerStorageVersion"), true, false, None, false, None, None, &[Cow::Borrowed("apiServerID")])),
    ]),
    ("io.k8s.api.apps.v1.ControllerRevision", &[
        ("data", row(Some("io.k8s.apimachinery.pkg.runtime.RawExtension"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.ControllerRevisionList", &[
        ("items", row(Some("io.k8s.api.apps.v1.ControllerRevision"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DaemonSet", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.apps.v1.DaemonSetSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.apps.v1.DaemonSetStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DaemonSetCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DaemonSetList", &[
        ("items", row(Some("io.k8s.api.apps.v1.DaemonSet"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DaemonSetSpec", &[
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("template", row(Some("io.k8s.api.core.v1.PodTemplateSpec"), false, false, None, false, None, None, &[])),
        ("updateStrategy", row(Some("io.k8s.api.apps.v1.DaemonSetUpdateStrategy"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DaemonSetStatus", &[
        ("conditions", row(Some("io.k8s.api.apps.v1.DaemonSetCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
    ]),
    ("io.k8s.api.apps.v1.DaemonSetUpdateStrategy", &[
        ("rollingUpdate", row(Some("io.k8s.api.apps.v1.RollingUpdateDaemonSet"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.Deployment", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.apps.v1.DeploymentSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.apps.v1.DeploymentStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DeploymentCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastUpdateTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DeploymentList", &[
        ("items", row(Some("io.k8s.api.apps.v1.Deployment"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DeploymentSpec", &[
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("strategy", row(Some("io.k8s.api.apps.v1.DeploymentStrategy"), false, false, None, false, Some("retainKeys"), None, &[])),
        ("template", row(Some("io.k8s.api.core.v1.PodTemplateSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.DeploymentStatus", &[
        ("conditions", row(Some("io.k8s.api.apps.v1.DeploymentCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
    ]),
    ("io.k8s.api.apps.v1.DeploymentStrategy", &[
        ("rollingUpdate", row(Some("io.k8s.api.apps.v1.RollingUpdateDeployment"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.ReplicaSet", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.apps.v1.ReplicaSetSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.apps.v1.ReplicaSetStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.ReplicaSetCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.ReplicaSetList", &[
        ("items", row(Some("io.k8s.api.apps.v1.ReplicaSet"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.ReplicaSetSpec", &[
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("template", row(Some("io.k8s.api.core.v1.PodTemplateSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.ReplicaSetStatus", &[
        ("conditions", row(Some("io.k8s.api.apps.v1.ReplicaSetCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
    ]),
    ("io.k8s.api.apps.v1.RollingUpdateDaemonSet", &[
        ("maxSurge", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
        ("maxUnavailable", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.RollingUpdateDeployment", &[
        ("maxSurge", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
        ("maxUnavailable", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.StatefulSet", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.apps.v1.StatefulSetSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.apps.v1.StatefulSetStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.StatefulSetCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.StatefulSetList", &[
        ("items", row(Some("io.k8s.api.apps.v1.StatefulSet"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.StatefulSetSpec", &[
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("template", row(Some("io.k8s.api.core.v1.PodTemplateSpec"), false, false, None, false, None, None, &[])),
        ("updateStrategy", row(Some("io.k8s.api.apps.v1.StatefulSetUpdateStrategy"), false, false, None, false, None, None, &[])),
        ("volumeClaimTemplates", row(Some("io.k8s.api.core.v1.PersistentVolumeClaim"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.apps.v1.StatefulSetStatus", &[
        ("conditions", row(Some("io.k8s.api.apps.v1.StatefulSetCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
    ]),
    ("io.k8s.api.apps.v1.StatefulSetUpdateStrategy", &[
        ("rollingUpdate", row(Some("io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1.TokenRequest", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authentication.v1.TokenRequestSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authentication.v1.TokenRequestStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1.TokenRequestSpec", &[
        ("audiences", row(None, true, true, None, false, None, None, &[])),
        ("boundObjectRef", row(Some("io.k8s.api.authentication.v1.BoundObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1.TokenRequestStatus", &[
        ("expirationTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1.TokenReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authentication.v1.TokenReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authentication.v1.TokenReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1.TokenReviewSpec", &[
        ("audiences", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1.TokenReviewStatus", &[
        ("audiences", row(None, true, true, None, false, None, None, &[])),
        ("user", row(Some("io.k8s.api.authentication.v1.UserInfo"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1.UserInfo", &[
        ("groups", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1beta1.TokenReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authentication.v1beta1.TokenReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authentication.v1beta1.TokenReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1beta1.TokenReviewSpec", &[
        ("audiences", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1beta1.TokenReviewStatus", &[
        ("audiences", row(None, true, true, None, false, None, None, &[])),
        ("user", row(Some("io.k8s.api.authentication.v1beta1.UserInfo"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authentication.v1beta1.UserInfo", &[
        ("groups", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.LocalSubjectAccessReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1.SubjectAccessReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1.SubjectAccessReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.NonResourceRule", &[
        ("nonResourceURLs", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.ResourceRule", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("resourceNames", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.SelfSubjectAccessReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1.SelfSubjectAccessReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1.SubjectAccessReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.SelfSubjectAccessReviewSpec", &[
        ("nonResourceAttributes", row(Some("io.k8s.api.authorization.v1.NonResourceAttributes"), false, false, None, false, None, None, &[])),
        ("resourceAttributes", row(Some("io.k8s.api.authorization.v1.ResourceAttributes"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.SelfSubjectRulesReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1.SelfSubjectRulesReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1.SubjectRulesReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.SubjectAccessReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1.SubjectAccessReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1.SubjectAccessReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.SubjectAccessReviewSpec", &[
        ("groups", row(None, true, true, None, false, None, None, &[])),
        ("nonResourceAttributes", row(Some("io.k8s.api.authorization.v1.NonResourceAttributes"), false, false, None, false, None, None, &[])),
        ("resourceAttributes", row(Some("io.k8s.api.authorization.v1.ResourceAttributes"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1.SubjectRulesReviewStatus", &[
        ("nonResourceRules", row(Some("io.k8s.api.authorization.v1.NonResourceRule"), true, false, None, false, None, None, &[])),
        ("resourceRules", row(Some("io.k8s.api.authorization.v1.ResourceRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.LocalSubjectAccessReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1beta1.SubjectAccessReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1beta1.SubjectAccessReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.NonResourceRule", &[
        ("nonResourceURLs", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.ResourceRule", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("resourceNames", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.SelfSubjectAccessReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1beta1.SelfSubjectAccessReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1beta1.SubjectAccessReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.SelfSubjectAccessReviewSpec", &[
        ("nonResourceAttributes", row(Some("io.k8s.api.authorization.v1beta1.NonResourceAttributes"), false, false, None, false, None, None, &[])),
        ("resourceAttributes", row(Some("io.k8s.api.authorization.v1beta1.ResourceAttributes"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.SelfSubjectRulesReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1beta1.SelfSubjectRulesReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1beta1.SubjectRulesReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.SubjectAccessReview", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.authorization.v1beta1.SubjectAccessReviewSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.authorization.v1beta1.SubjectAccessReviewStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.SubjectAccessReviewSpec", &[
        ("group", row(None, true, true, None, false, None, None, &[])),
        ("nonResourceAttributes", row(Some("io.k8s.api.authorization.v1beta1.NonResourceAttributes"), false, false, None, false, None, None, &[])),
        ("resourceAttributes", row(Some("io.k8s.api.authorization.v1beta1.ResourceAttributes"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.authorization.v1beta1.SubjectRulesReviewStatus", &[
        ("nonResourceRules", row(Some("io.k8s.api.authorization.v1beta1.NonResourceRule"), true, false, None, false, None, None, &[])),
        ("resourceRules", row(Some("io.k8s.api.authorization.v1beta1.ResourceRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerList", &[
        ("items", row(Some("io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec", &[
        ("scaleTargetRef", row(Some("io.k8s.api.autoscaling.v1.CrossVersionObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus", &[
        ("lastScaleTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v1.Scale", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.autoscaling.v1.ScaleSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.autoscaling.v1.ScaleStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ContainerResourceMetricSource", &[
        ("targetAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ContainerResourceMetricStatus", &[
        ("currentAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ExternalMetricSource", &[
        ("metricSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("targetAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("targetValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ExternalMetricStatus", &[
        ("currentAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("currentValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("metricSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscaler", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerList", &[
        ("items", row(Some("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscaler"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerSpec", &[
        ("metrics", row(Some("io.k8s.api.autoscaling.v2beta1.MetricSpec"), true, false, None, false, None, None, &[])),
        ("scaleTargetRef", row(Some("io.k8s.api.autoscaling.v2beta1.CrossVersionObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerStatus", &[
        ("conditions", row(Some("io.k8s.api.autoscaling.v2beta1.HorizontalPodAutoscalerCondition"), true, false, None, false, None, None, &[])),
        ("currentMetrics", row(Some("io.k8s.api.autoscaling.v2beta1.MetricStatus"), true, false, None, false, None, None, &[])),
        ("lastScaleTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.MetricSpec", &[
        ("containerResource", row(Some("io.k8s.api.autoscaling.v2beta1.ContainerResourceMetricSource"), false, false, None, false, None, None, &[])),
        ("external", row(Some("io.k8s.api.autoscaling.v2beta1.ExternalMetricSource"), false, false, None, false, None, None, &[])),
        ("object", row(Some("io.k8s.api.autoscaling.v2beta1.ObjectMetricSource"), false, false, None, false, None, None, &[])),
        ("pods", row(Some("io.k8s.api.autoscaling.v2beta1.PodsMetricSource"), false, false, None, false, None, None, &[])),
        ("resource", row(Some("io.k8s.api.autoscaling.v2beta1.ResourceMetricSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.MetricStatus", &[
        ("containerResource", row(Some("io.k8s.api.autoscaling.v2beta1.ContainerResourceMetricStatus"), false, false, None, false, None, None, &[])),
        ("external", row(Some("io.k8s.api.autoscaling.v2beta1.ExternalMetricStatus"), false, false, None, false, None, None, &[])),
        ("object", row(Some("io.k8s.api.autoscaling.v2beta1.ObjectMetricStatus"), false, false, None, false, None, None, &[])),
        ("pods", row(Some("io.k8s.api.autoscaling.v2beta1.PodsMetricStatus"), false, false, None, false, None, None, &[])),
        ("resource", row(Some("io.k8s.api.autoscaling.v2beta1.ResourceMetricStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ObjectMetricSource", &[
        ("averageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("target", row(Some("io.k8s.api.autoscaling.v2beta1.CrossVersionObjectReference"), false, false, None, false, None, None, &[])),
        ("targetValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ObjectMetricStatus", &[
        ("averageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("currentValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("target", row(Some("io.k8s.api.autoscaling.v2beta1.CrossVersionObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.PodsMetricSource", &[
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("targetAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.PodsMetricStatus", &[
        ("currentAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ResourceMetricSource", &[
        ("targetAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta1.ResourceMetricStatus", &[
        ("currentAverageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ContainerResourceMetricSource", &[
        ("target", row(Some("io.k8s.api.autoscaling.v2beta2.MetricTarget"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ContainerResourceMetricStatus", &[
        ("current", row(Some("io.k8s.api.autoscaling.v2beta2.MetricValueStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ExternalMetricSource", &[
        ("metric", row(Some("io.k8s.api.autoscaling.v2beta2.MetricIdentifier"), false, false, None, false, None, None, &[])),
        ("target", row(Some("io.k8s.api.autoscaling.v2beta2.MetricTarget"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ExternalMetricStatus", &[
        ("current", row(Some("io.k8s.api.autoscaling.v2beta2.MetricValueStatus"), false, false, None, false, None, None, &[])),
        ("metric", row(Some("io.k8s.api.autoscaling.v2beta2.MetricIdentifier"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.HPAScalingRules", &[
        ("policies", row(Some("io.k8s.api.autoscaling.v2beta2.HPAScalingPolicy"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscaler", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerBehavior", &[
        ("scaleDown", row(Some("io.k8s.api.autoscaling.v2beta2.HPAScalingRules"), false, false, None, false, None, None, &[])),
        ("scaleUp", row(Some("io.k8s.api.autoscaling.v2beta2.HPAScalingRules"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerList", &[
        ("items", row(Some("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscaler"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerSpec", &[
        ("behavior", row(Some("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerBehavior"), false, false, None, false, None, None, &[])),
        ("metrics", row(Some("io.k8s.api.autoscaling.v2beta2.MetricSpec"), true, false, None, false, None, None, &[])),
        ("scaleTargetRef", row(Some("io.k8s.api.autoscaling.v2beta2.CrossVersionObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerStatus", &[
        ("conditions", row(Some("io.k8s.api.autoscaling.v2beta2.HorizontalPodAutoscalerCondition"), true, false, None, false, None, None, &[])),
        ("currentMetrics", row(Some("io.k8s.api.autoscaling.v2beta2.MetricStatus"), true, false, None, false, None, None, &[])),
        ("lastScaleTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.MetricIdentifier", &[
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.MetricSpec", &[
        ("containerResource", row(Some("io.k8s.api.autoscaling.v2beta2.ContainerResourceMetricSource"), false, false, None, false, None, None, &[])),
        ("external", row(Some("io.k8s.api.autoscaling.v2beta2.ExternalMetricSource"), false, false, None, false, None, None, &[])),
        ("object", row(Some("io.k8s.api.autoscaling.v2beta2.ObjectMetricSource"), false, false, None, false, None, None, &[])),
        ("pods", row(Some("io.k8s.api.autoscaling.v2beta2.PodsMetricSource"), false, false, None, false, None, None, &[])),
        ("resource", row(Some("io.k8s.api.autoscaling.v2beta2.ResourceMetricSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.MetricStatus", &[
        ("containerResource", row(Some("io.k8s.api.autoscaling.v2beta2.ContainerResourceMetricStatus"), false, false, None, false, None, None, &[])),
        ("external", row(Some("io.k8s.api.autoscaling.v2beta2.ExternalMetricStatus"), false, false, None, false, None, None, &[])),
        ("object", row(Some("io.k8s.api.autoscaling.v2beta2.ObjectMetricStatus"), false, false, None, false, None, None, &[])),
        ("pods", row(Some("io.k8s.api.autoscaling.v2beta2.PodsMetricStatus"), false, false, None, false, None, None, &[])),
        ("resource", row(Some("io.k8s.api.autoscaling.v2beta2.ResourceMetricStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.MetricTarget", &[
        ("averageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("value", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.MetricValueStatus", &[
        ("averageValue", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("value", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ObjectMetricSource", &[
        ("describedObject", row(Some("io.k8s.api.autoscaling.v2beta2.CrossVersionObjectReference"), false, false, None, false, None, None, &[])),
        ("metric", row(Some("io.k8s.api.autoscaling.v2beta2.MetricIdentifier"), false, false, None, false, None, None, &[])),
        ("target", row(Some("io.k8s.api.autoscaling.v2beta2.MetricTarget"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ObjectMetricStatus", &[
        ("current", row(Some("io.k8s.api.autoscaling.v2beta2.MetricValueStatus"), false, false, None, false, None, None, &[])),
        ("describedObject", row(Some("io.k8s.api.autoscaling.v2beta2.CrossVersionObjectReference"), false, false, None, false, None, None, &[])),
        ("metric", row(Some("io.k8s.api.autoscaling.v2beta2.MetricIdentifier"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.PodsMetricSource", &[
        ("metric", row(Some("io.k8s.api.autoscaling.v2beta2.MetricIdentifier"), false, false, None, false, None, None, &[])),
        ("target", row(Some("io.k8s.api.autoscaling.v2beta2.MetricTarget"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.PodsMetricStatus", &[
        ("current", row(Some("io.k8s.api.autoscaling.v2beta2.MetricValueStatus"), false, false, None, false, None, None, &[])),
        ("metric", row(Some("io.k8s.api.autoscaling.v2beta2.MetricIdentifier"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ResourceMetricSource", &[
        ("target", row(Some("io.k8s.api.autoscaling.v2beta2.MetricTarget"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.autoscaling.v2beta2.ResourceMetricStatus", &[
        ("current", row(Some("io.k8s.api.autoscaling.v2beta2.MetricValueStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.CronJob", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.batch.v1.CronJobSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.batch.v1.CronJobStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.CronJobList", &[
        ("items", row(Some("io.k8s.api.batch.v1.CronJob"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.CronJobSpec", &[
        ("jobTemplate", row(Some("io.k8s.api.batch.v1.JobTemplateSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.CronJobStatus", &[
        ("active", row(Some("io.k8s.api.core.v1.ObjectReference"), true, false, None, false, None, None, &[])),
        ("lastScheduleTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastSuccessfulTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.Job", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.batch.v1.JobSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.batch.v1.JobStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.JobCondition", &[
        ("lastProbeTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.JobList", &[
        ("items", row(Some("io.k8s.api.batch.v1.Job"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.JobSpec", &[
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("template", row(Some("io.k8s.api.core.v1.PodTemplateSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.JobStatus", &[
        ("completionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("conditions", row(Some("io.k8s.api.batch.v1.JobCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
        ("startTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1.JobTemplateSpec", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.batch.v1.JobSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1beta1.CronJob", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.batch.v1beta1.CronJobSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.batch.v1beta1.CronJobStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1beta1.CronJobList", &[
        ("items", row(Some("io.k8s.api.batch.v1beta1.CronJob"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1beta1.CronJobSpec", &[
        ("jobTemplate", row(Some("io.k8s.api.batch.v1beta1.JobTemplateSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1beta1.CronJobStatus", &[
        ("active", row(Some("io.k8s.api.core.v1.ObjectReference"), true, false, None, false, None, None, &[])),
        ("lastScheduleTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastSuccessfulTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.batch.v1beta1.JobTemplateSpec", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.batch.v1.JobSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1.CertificateSigningRequest", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.certificates.v1.CertificateSigningRequestSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.certificates.v1.CertificateSigningRequestStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1.CertificateSigningRequestCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastUpdateTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1.CertificateSigningRequestList", &[
        ("items", row(Some("io.k8s.api.certificates.v1.CertificateSigningRequest"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1.CertificateSigningRequestSpec", &[
        ("groups", row(None, true, true, None, false, None, None, &[])),
        ("request", row(None, false, false, None, false, None, None, &[])),
        ("usages", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1.CertificateSigningRequestStatus", &[
        ("certificate", row(None, false, false, None, false, None, None, &[])),
        ("conditions", row(Some("io.k8s.api.certificates.v1.CertificateSigningRequestCondition"), true, false, None, false, None, None, &[Cow::Borrowed("type")])),
    ]),
    ("io.k8s.api.certificates.v1beta1.CertificateSigningRequest", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.certificates.v1beta1.CertificateSigningRequestSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.certificates.v1beta1.CertificateSigningRequestStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1beta1.CertificateSigningRequestCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastUpdateTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1beta1.CertificateSigningRequestList", &[
        ("items", row(Some("io.k8s.api.certificates.v1beta1.CertificateSigningRequest"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1beta1.CertificateSigningRequestSpec", &[
        ("groups", row(None, true, true, None, false, None, None, &[])),
        ("request", row(None, false, false, None, false, None, None, &[])),
        ("usages", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.certificates.v1beta1.CertificateSigningRequestStatus", &[
        ("certificate", row(None, false, false, None, false, None, None, &[])),
        ("conditions", row(Some("io.k8s.api.certificates.v1beta1.CertificateSigningRequestCondition"), true, false, None, false, None, None, &[Cow::Borrowed("type")])),
    ]),
    ("io.k8s.api.coordination.v1.Lease", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.coordination.v1.LeaseSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.coordination.v1.LeaseList", &[
        ("items", row(Some("io.k8s.api.coordination.v1.Lease"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.coordination.v1.LeaseSpec", &[
        ("acquireTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
        ("renewTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.coordination.v1beta1.Lease", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.coordination.v1beta1.LeaseSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.coordination.v1beta1.LeaseList", &[
        ("items", row(Some("io.k8s.api.coordination.v1beta1.Lease"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.coordination.v1beta1.LeaseSpec", &[
        ("acquireTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
        ("renewTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Affinity", &[
        ("nodeAffinity", row(Some("io.k8s.api.core.v1.NodeAffinity"), false, false, None, false, None, None, &[])),
        ("podAffinity", row(Some("io.k8s.api.core.v1.PodAffinity"), false, false, None, false, None, None, &[])),
        ("podAntiAffinity", row(Some("io.k8s.api.core.v1.PodAntiAffinity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Binding", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("target", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.CSIPersistentVolumeSource", &[
        ("controllerExpandSecretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
        ("controllerPublishSecretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
        ("nodePublishSecretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
        ("nodeStageSecretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.CSIVolumeSource", &[
        ("nodePublishSecretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Capabilities", &[
        ("add", row(None, true, true, None, false, None, None, &[])),
        ("drop", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.CephFSPersistentVolumeSource", &[
        ("monitors", row(None, true, true, None, false, None, None, &[])),
        ("secretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.CephFSVolumeSource", &[
        ("monitors", row(None, true, true, None, false, None, None, &[])),
        ("secretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.CinderPersistentVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.CinderVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ComponentStatus", &[
        ("conditions", row(Some("io.k8s.api.core.v1.ComponentCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ComponentStatusList", &[
        ("items", row(Some("io.k8s.api.core.v1.ComponentStatus"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ConfigMap", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ConfigMapList", &[
        ("items", row(Some("io.k8s.api.core.v1.ConfigMap"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ConfigMapProjection", &[
        ("items", row(Some("io.k8s.api.core.v1.KeyToPath"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ConfigMapVolumeSource", &[
        ("items", row(Some("io.k8s.api.core.v1.KeyToPath"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Container", &[
        ("args", row(None, true, true, None, false, None, None, &[])),
        ("command", row(None, true, true, None, false, None, None, &[])),
        ("env", row(Some("io.k8s.api.core.v1.EnvVar"), true, false, None, false, Some("merge"), Some("name"), &[])),
        ("envFrom", row(Some("io.k8s.api.core.v1.EnvFromSource"), true, false, None, false, None, None, &[])),
        ("lifecycle", row(Some("io.k8s.api.core.v1.Lifecycle"), false, false, None, false, None, None, &[])),
        ("livenessProbe", row(Some("io.k8s.api.core.v1.Probe"), false, false, None, false, None, None, &[])),
        ("ports", row(Some("io.k8s.api.core.v1.ContainerPort"), true, false, None, false, Some("merge"), Some("containerPort"), &[Cow::Borrowed("containerPort"), Cow::Borrowed("protocol")])),
        ("readinessProbe", row(Some("io.k8s.api.core.v1.Probe"), false, false, None, false, None, None, &[])),
        ("resources", row(Some("io.k8s.api.core.v1.ResourceRequirements"), false, false, None, false, None, None, &[])),
        ("securityContext", row(Some("io.k8s.api.core.v1.SecurityContext"), false, false, None, false, None, None, &[])),
        ("startupProbe", row(Some("io.k8s.api.core.v1.Probe"), false, false, None, false, None, None, &[])),
        ("volumeDevices", row(Some("io.k8s.api.core.v1.VolumeDevice"), true, false, None, false, Some("merge"), Some("devicePath"), &[])),
        ("volumeMounts", row(Some("io.k8s.api.core.v1.VolumeMount"), true, false, None, false, Some("merge"), Some("mountPath"), &[])),
    ]),
    ("io.k8s.api.core.v1.ContainerImage", &[
        ("names", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ContainerState", &[
        ("running", row(Some("io.k8s.api.core.v1.ContainerStateRunning"), false, false, None, false, None, None, &[])),
        ("terminated", row(Some("io.k8s.api.core.v1.ContainerStateTerminated"), false, false, None, false, None, None, &[])),
        ("waiting", row(Some("io.k8s.api.core.v1.ContainerStateWaiting"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ContainerStateRunning", &[
        ("startedAt", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ContainerStateTerminated", &[
        ("finishedAt", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("startedAt", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ContainerStatus", &[
        ("lastState", row(Some("io.k8s.api.core.v1.ContainerState"), false, false, None, false, None, None, &[])),
        ("state", row(Some("io.k8s.api.core.v1.ContainerState"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.DownwardAPIProjection", &[
        ("items", row(Some("io.k8s.api.core.v1.DownwardAPIVolumeFile"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.DownwardAPIVolumeFile", &[
        ("fieldRef", row(Some("io.k8s.api.core.v1.ObjectFieldSelector"), false, false, None, false, None, None, &[])),
        ("resourceFieldRef", row(Some("io.k8s.api.core.v1.ResourceFieldSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.DownwardAPIVolumeSource", &[
        ("items", row(Some("io.k8s.api.core.v1.DownwardAPIVolumeFile"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EmptyDirVolumeSource", &[
        ("sizeLimit", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EndpointAddress", &[
        ("targetRef", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EndpointSubset", &[
        ("addresses", row(Some("io.k8s.api.core.v1.EndpointAddress"), true, false, None, false, None, None, &[])),
        ("notReadyAddresses", row(Some("io.k8s.api.core.v1.EndpointAddress"), true, false, None, false, None, None, &[])),
        ("ports", row(Some("io.k8s.api.core.v1.EndpointPort"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Endpoints", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("subsets", row(Some("io.k8s.api.core.v1.EndpointSubset"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EndpointsList", &[
        ("items", row(Some("io.k8s.api.core.v1.Endpoints"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EnvFromSource", &[
        ("configMapRef", row(Some("io.k8s.api.core.v1.ConfigMapEnvSource"), false, false, None, false, None, None, &[])),
        ("secretRef", row(Some("io.k8s.api.core.v1.SecretEnvSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EnvVar", &[
        ("valueFrom", row(Some("io.k8s.api.core.v1.EnvVarSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EnvVarSource", &[
        ("configMapKeyRef", row(Some("io.k8s.api.core.v1.ConfigMapKeySelector"), false, false, None, false, None, None, &[])),
        ("fieldRef", row(Some("io.k8s.api.core.v1.ObjectFieldSelector"), false, false, None, false, None, None, &[])),
        ("resourceFieldRef", row(Some("io.k8s.api.core.v1.ResourceFieldSelector"), false, false, None, false, None, None, &[])),
        ("secretKeyRef", row(Some("io.k8s.api.core.v1.SecretKeySelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EphemeralContainer", &[
        ("args", row(None, true, true, None, false, None, None, &[])),
        ("command", row(None, true, true, None, false, None, None, &[])),
        ("env", row(Some("io.k8s.api.core.v1.EnvVar"), true, false, None, false, Some("merge"), Some("name"), &[])),
        ("envFrom", row(Some("io.k8s.api.core.v1.EnvFromSource"), true, false, None, false, None, None, &[])),
        ("lifecycle", row(Some("io.k8s.api.core.v1.Lifecycle"), false, false, None, false, None, None, &[])),
        ("livenessProbe", row(Some("io.k8s.api.core.v1.Probe"), false, false, None, false, None, None, &[])),
        ("ports", row(Some("io.k8s.api.core.v1.ContainerPort"), true, false, None, false, None, None, &[])),
        ("readinessProbe", row(Some("io.k8s.api.core.v1.Probe"), false, false, None, false, None, None, &[])),
        ("resources", row(Some("io.k8s.api.core.v1.ResourceRequirements"), false, false, None, false, None, None, &[])),
        ("securityContext", row(Some("io.k8s.api.core.v1.SecurityContext"), false, false, None, false, None, None, &[])),
        ("startupProbe", row(Some("io.k8s.api.core.v1.Probe"), false, false, None, false, None, None, &[])),
        ("volumeDevices", row(Some("io.k8s.api.core.v1.VolumeDevice"), true, false, None, false, Some("merge"), Some("devicePath"), &[])),
        ("volumeMounts", row(Some("io.k8s.api.core.v1.VolumeMount"), true, false, None, false, Some("merge"), Some("mountPath"), &[])),
    ]),
    ("io.k8s.api.core.v1.EphemeralContainers", &[
        ("ephemeralContainers", row(Some("io.k8s.api.core.v1.EphemeralContainer"), true, false, None, false, Some("merge"), Some("name"), &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EphemeralVolumeSource", &[
        ("volumeClaimTemplate", row(Some("io.k8s.api.core.v1.PersistentVolumeClaimTemplate"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Event", &[
        ("eventTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
        ("firstTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("involvedObject", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
        ("lastTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("related", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
        ("series", row(Some("io.k8s.api.core.v1.EventSeries"), false, false, None, false, None, None, &[])),
        ("source", row(Some("io.k8s.api.core.v1.EventSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EventList", &[
        ("items", row(Some("io.k8s.api.core.v1.Event"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.EventSeries", &[
        ("lastObservedTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ExecAction", &[
        ("command", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.FCVolumeSource", &[
        ("targetWWNs", row(None, true, true, None, false, None, None, &[])),
        ("wwids", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.FlexPersistentVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.FlexVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.HTTPGetAction", &[
        ("httpHeaders", row(Some("io.k8s.api.core.v1.HTTPHeader"), true, false, None, false, None, None, &[])),
        ("port", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Handler", &[
        ("exec", row(Some("io.k8s.api.core.v1.ExecAction"), false, false, None, false, None, None, &[])),
        ("httpGet", row(Some("io.k8s.api.core.v1.HTTPGetAction"), false, false, None, false, None, None, &[])),
        ("tcpSocket", row(Some("io.k8s.api.core.v1.TCPSocketAction"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.HostAlias", &[
        ("hostnames", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ISCSIPersistentVolumeSource", &[
        ("portals", row(None, true, true, None, false, None, None, &[])),
        ("secretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ISCSIVolumeSource", &[
        ("portals", row(None, true, true, None, false, None, None, &[])),
        ("secretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Lifecycle", &[
        ("postStart", row(Some("io.k8s.api.core.v1.Handler"), false, false, None, false, None, None, &[])),
        ("preStop", row(Some("io.k8s.api.core.v1.Handler"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.LimitRange", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.LimitRangeSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.LimitRangeItem", &[
        ("default", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("defaultRequest", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("max", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("maxLimitRequestRatio", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("min", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.LimitRangeList", &[
        ("items", row(Some("io.k8s.api.core.v1.LimitRange"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.LimitRangeSpec", &[
        ("limits", row(Some("io.k8s.api.core.v1.LimitRangeItem"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.LoadBalancerIngress", &[
        ("ports", row(Some("io.k8s.api.core.v1.PortStatus"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.LoadBalancerStatus", &[
        ("ingress", row(Some("io.k8s.api.core.v1.LoadBalancerIngress"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Namespace", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.NamespaceSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.NamespaceStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NamespaceCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NamespaceList", &[
        ("items", row(Some("io.k8s.api.core.v1.Namespace"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NamespaceSpec", &[
        ("finalizers", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NamespaceStatus", &[
        ("conditions", row(Some("io.k8s.api.core.v1.NamespaceCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
    ]),
    ("io.k8s.api.core.v1.Node", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.NodeSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.NodeStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeAffinity", &[
        ("preferredDuringSchedulingIgnoredDuringExecution", row(Some("io.k8s.api.core.v1.PreferredSchedulingTerm"), true, false, None, false, None, None, &[])),
        ("requiredDuringSchedulingIgnoredDuringExecution", row(Some("io.k8s.api.core.v1.NodeSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeCondition", &[
        ("lastHeartbeatTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeConfigSource", &[
        ("configMap", row(Some("io.k8s.api.core.v1.ConfigMapNodeConfigSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeConfigStatus", &[
        ("active", row(Some("io.k8s.api.core.v1.NodeConfigSource"), false, false, None, false, None, None, &[])),
        ("assigned", row(Some("io.k8s.api.core.v1.NodeConfigSource"), false, false, None, false, None, None, &[])),
        ("lastKnownGood", row(Some("io.k8s.api.core.v1.NodeConfigSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeDaemonEndpoints", &[
        ("kubeletEndpoint", row(Some("io.k8s.api.core.v1.DaemonEndpoint"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeList", &[
        ("items", row(Some("io.k8s.api.core.v1.Node"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeSelector", &[
        ("nodeSelectorTerms", row(Some("io.k8s.api.core.v1.NodeSelectorTerm"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeSelectorRequirement", &[
        ("values", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeSelectorTerm", &[
        ("matchExpressions", row(Some("io.k8s.api.core.v1.NodeSelectorRequirement"), true, false, None, false, None, None, &[])),
        ("matchFields", row(Some("io.k8s.api.core.v1.NodeSelectorRequirement"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeSpec", &[
        ("configSource", row(Some("io.k8s.api.core.v1.NodeConfigSource"), false, false, None, false, None, None, &[])),
        ("podCIDRs", row(None, true, true, None, false, Some("merge"), None, &[])),
        ("taints", row(Some("io.k8s.api.core.v1.Taint"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.NodeStatus", &[
        ("addresses", row(Some("io.k8s.api.core.v1.NodeAddress"), true, false, None, false, Some("merge"), Some("type"), &[])),
        ("allocatable", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("capacity", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("conditions", row(Some("io.k8s.api.core.v1.NodeCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
        ("config", row(Some("io.k8s.api.core.v1.NodeConfigStatus"), false, false, None, false, None, None, &[])),
        ("daemonEndpoints", row(Some("io.k8s.api.core.v1.NodeDaemonEndpoints"), false, false, None, false, None, None, &[])),
        ("images", row(Some("io.k8s.api.core.v1.ContainerImage"), true, false, None, false, None, None, &[])),
        ("nodeInfo", row(Some("io.k8s.api.core.v1.NodeSystemInfo"), false, false, None, false, None, None, &[])),
        ("volumesAttached", row(Some("io.k8s.api.core.v1.AttachedVolume"), true, false, None, false, None, None, &[])),
        ("volumesInUse", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolume", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.PersistentVolumeSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.PersistentVolumeStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeClaim", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.PersistentVolumeClaimSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.PersistentVolumeClaimStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeClaimCondition", &[
        ("lastProbeTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeClaimList", &[
        ("items", row(Some("io.k8s.api.core.v1.PersistentVolumeClaim"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeClaimSpec", &[
        ("accessModes", row(None, true, true, None, false, None, None, &[])),
        ("dataSource", row(Some("io.k8s.api.core.v1.TypedLocalObjectReference"), false, false, None, false, None, None, &[])),
        ("resources", row(Some("io.k8s.api.core.v1.ResourceRequirements"), false, false, None, false, None, None, &[])),
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeClaimStatus", &[
        ("accessModes", row(None, true, true, None, false, None, None, &[])),
        ("capacity", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("conditions", row(Some("io.k8s.api.core.v1.PersistentVolumeClaimCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeClaimTemplate", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.PersistentVolumeClaimSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeList", &[
        ("items", row(Some("io.k8s.api.core.v1.PersistentVolume"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PersistentVolumeSpec", &[
        ("accessModes", row(None, true, true, None, false, None, None, &[])),
        ("awsElasticBlockStore", row(Some("io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource"), false, false, None, false, None, None, &[])),
        ("azureDisk", row(Some("io.k8s.api.core.v1.AzureDiskVolumeSource"), false, false, None, false, None, None, &[])),
        ("azureFile", row(Some("io.k8s.api.core.v1.AzureFilePersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("capacity", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("cephfs", row(Some("io.k8s.api.core.v1.CephFSPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("cinder", row(Some("io.k8s.api.core.v1.CinderPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("claimRef", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
        ("csi", row(Some("io.k8s.api.core.v1.CSIPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("fc", row(Some("io.k8s.api.core.v1.FCVolumeSource"), false, false, None, false, None, None, &[])),
        ("flexVolume", row(Some("io.k8s.api.core.v1.FlexPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("flocker", row(Some("io.k8s.api.core.v1.FlockerVolumeSource"), false, false, None, false, None, None, &[])),
        ("gcePersistentDisk", row(Some("io.k8s.api.core.v1.GCEPersistentDiskVolumeSource"), false, false, None, false, None, None, &[])),
        ("glusterfs", row(Some("io.k8s.api.core.v1.GlusterfsPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("hostPath", row(Some("io.k8s.api.core.v1.HostPathVolumeSource"), false, false, None, false, None, None, &[])),
        ("iscsi", row(Some("io.k8s.api.core.v1.ISCSIPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("local", row(Some("io.k8s.api.core.v1.LocalVolumeSource"), false, false, None, false, None, None, &[])),
        ("mountOptions", row(None, true, true, None, false, None, None, &[])),
        ("nfs", row(Some("io.k8s.api.core.v1.NFSVolumeSource"), false, false, None, false, None, None, &[])),
        ("nodeAffinity", row(Some("io.k8s.api.core.v1.VolumeNodeAffinity"), false, false, None, false, None, None, &[])),
        ("photonPersistentDisk", row(Some("io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource"), false, false, None, false, None, None, &[])),
        ("portworxVolume", row(Some("io.k8s.api.core.v1.PortworxVolumeSource"), false, false, None, false, None, None, &[])),
        ("quobyte", row(Some("io.k8s.api.core.v1.QuobyteVolumeSource"), false, false, None, false, None, None, &[])),
        ("rbd", row(Some("io.k8s.api.core.v1.RBDPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("scaleIO", row(Some("io.k8s.api.core.v1.ScaleIOPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("storageos", row(Some("io.k8s.api.core.v1.StorageOSPersistentVolumeSource"), false, false, None, false, None, None, &[])),
        ("vsphereVolume", row(Some("io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Pod", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.PodSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.PodStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodAffinity", &[
        ("preferredDuringSchedulingIgnoredDuringExecution", row(Some("io.k8s.api.core.v1.WeightedPodAffinityTerm"), true, false, None, false, None, None, &[])),
        ("requiredDuringSchedulingIgnoredDuringExecution", row(Some("io.k8s.api.core.v1.PodAffinityTerm"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodAffinityTerm", &[
        ("labelSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("namespaceSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("namespaces", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodAntiAffinity", &[
        ("preferredDuringSchedulingIgnoredDuringExecution", row(Some("io.k8s.api.core.v1.WeightedPodAffinityTerm"), true, false, None, false, None, None, &[])),
        ("requiredDuringSchedulingIgnoredDuringExecution", row(Some("io.k8s.api.core.v1.PodAffinityTerm"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodCondition", &[
        ("lastProbeTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodDNSConfig", &[
        ("nameservers", row(None, true, true, None, false, None, None, &[])),
        ("options", row(Some("io.k8s.api.core.v1.PodDNSConfigOption"), true, false, None, false, None, None, &[])),
        ("searches", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodList", &[
        ("items", row(Some("io.k8s.api.core.v1.Pod"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodSecurityContext", &[
        ("seLinuxOptions", row(Some("io.k8s.api.core.v1.SELinuxOptions"), false, false, None, false, None, None, &[])),
        ("seccompProfile", row(Some("io.k8s.api.core.v1.SeccompProfile"), false, false, None, false, None, None, &[])),
        ("supplementalGroups", row(None, true, true, None, false, None, None, &[])),
        ("sysctls", row(Some("io.k8s.api.core.v1.Sysctl"), true, false, None, false, None, None, &[])),
        ("windowsOptions", row(Some("io.k8s.api.core.v1.WindowsSecurityContextOptions"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodSpec", &[
        ("affinity", row(Some("io.k8s.api.core.v1.Affinity"), false, false, None, false, None, None, &[])),
        ("containers", row(Some("io.k8s.api.core.v1.Container"), true, false, None, false, Some("merge"), Some("name"), &[])),
        ("dnsConfig", row(Some("io.k8s.api.core.v1.PodDNSConfig"), false, false, None, false, None, None, &[])),
        ("ephemeralContainers", row(Some("io.k8s.api.core.v1.EphemeralContainer"), true, false, None, false, Some("merge"), Some("name"), &[])),
        ("hostAliases", row(Some("io.k8s.api.core.v1.HostAlias"), true, false, None, false, Some("merge"), Some("ip"), &[])),
        ("imagePullSecrets", row(Some("io.k8s.api.core.v1.LocalObjectReference"), true, false, None, false, Some("merge"), Some("name"), &[])),
        ("initContainers", row(Some("io.k8s.api.core.v1.Container"), true, false, None, false, Some("merge"), Some("name"), &[])),
        ("overhead", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("readinessGates", row(Some("io.k8s.api.core.v1.PodReadinessGate"), true, false, None, false, None, None, &[])),
        ("securityContext", row(Some("io.k8s.api.core.v1.PodSecurityContext"), false, false, None, false, None, None, &[])),
        ("tolerations", row(Some("io.k8s.api.core.v1.Toleration"), true, false, None, false, None, None, &[])),
        ("topologySpreadConstraints", row(Some("io.k8s.api.core.v1.TopologySpreadConstraint"), true, false, None, false, Some("merge"), Some("topologyKey"), &[Cow::Borrowed("topologyKey"), Cow::Borrowed("whenUnsatisfiable")])),
        ("volumes", row(Some("io.k8s.api.core.v1.Volume"), true, false, None, false, Some("merge,retainKeys"), Some("name"), &[])),
    ]),
    ("io.k8s.api.core.v1.PodStatus", &[
        ("conditions", row(Some("io.k8s.api.core.v1.PodCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
        ("containerStatuses", row(Some("io.k8s.api.core.v1.ContainerStatus"), true, false, None, false, None, None, &[])),
        ("ephemeralContainerStatuses", row(Some("io.k8s.api.core.v1.ContainerStatus"), true, false, None, false, None, None, &[])),
        ("initContainerStatuses", row(Some("io.k8s.api.core.v1.ContainerStatus"), true, false, None, false, None, None, &[])),
        ("podIPs", row(Some("io.k8s.api.core.v1.PodIP"), true, false, None, false, Some("merge"), Some("ip"), &[])),
        ("startTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodTemplate", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("template", row(Some("io.k8s.api.core.v1.PodTemplateSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodTemplateList", &[
        ("items", row(Some("io.k8s.api.core.v1.PodTemplate"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PodTemplateSpec", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.PodSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.PreferredSchedulingTerm", &[
        ("preference", row(Some("io.k8s.api.core.v1.NodeSelectorTerm"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Probe", &[
        ("exec", row(Some("io.k8s.api.core.v1.ExecAction"), false, false, None, false, None, None, &[])),
        ("httpGet", row(Some("io.k8s.api.core.v1.HTTPGetAction"), false, false, None, false, None, None, &[])),
        ("tcpSocket", row(Some("io.k8s.api.core.v1.TCPSocketAction"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ProjectedVolumeSource", &[
        ("sources", row(Some("io.k8s.api.core.v1.VolumeProjection"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.RBDPersistentVolumeSource", &[
        ("monitors", row(None, true, true, None, false, None, None, &[])),
        ("secretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.RBDVolumeSource", &[
        ("monitors", row(None, true, true, None, false, None, None, &[])),
        ("secretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ReplicationController", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.ReplicationControllerSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.ReplicationControllerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ReplicationControllerCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ReplicationControllerList", &[
        ("items", row(Some("io.k8s.api.core.v1.ReplicationController"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ReplicationControllerSpec", &[
        ("template", row(Some("io.k8s.api.core.v1.PodTemplateSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ReplicationControllerStatus", &[
        ("conditions", row(Some("io.k8s.api.core.v1.ReplicationControllerCondition"), true, false, None, false, Some("merge"), Some("type"), &[])),
    ]),
    ("io.k8s.api.core.v1.ResourceFieldSelector", &[
        ("divisor", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ResourceQuota", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.ResourceQuotaSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.ResourceQuotaStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ResourceQuotaList", &[
        ("items", row(Some("io.k8s.api.core.v1.ResourceQuota"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ResourceQuotaSpec", &[
        ("hard", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("scopeSelector", row(Some("io.k8s.api.core.v1.ScopeSelector"), false, false, None, false, None, None, &[])),
        ("scopes", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ResourceQuotaStatus", &[
        ("hard", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("used", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ResourceRequirements", &[
        ("limits", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
        ("requests", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ScaleIOPersistentVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.SecretReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ScaleIOVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ScopeSelector", &[
        ("matchExpressions", row(Some("io.k8s.api.core.v1.ScopedResourceSelectorRequirement"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ScopedResourceSelectorRequirement", &[
        ("values", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Secret", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.SecretList", &[
        ("items", row(Some("io.k8s.api.core.v1.Secret"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.SecretProjection", &[
        ("items", row(Some("io.k8s.api.core.v1.KeyToPath"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.SecretVolumeSource", &[
        ("items", row(Some("io.k8s.api.core.v1.KeyToPath"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.SecurityContext", &[
        ("capabilities", row(Some("io.k8s.api.core.v1.Capabilities"), false, false, None, false, None, None, &[])),
        ("seLinuxOptions", row(Some("io.k8s.api.core.v1.SELinuxOptions"), false, false, None, false, None, None, &[])),
        ("seccompProfile", row(Some("io.k8s.api.core.v1.SeccompProfile"), false, false, None, false, None, None, &[])),
        ("windowsOptions", row(Some("io.k8s.api.core.v1.WindowsSecurityContextOptions"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Service", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.core.v1.ServiceSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.core.v1.ServiceStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ServiceAccount", &[
        ("imagePullSecrets", row(Some("io.k8s.api.core.v1.LocalObjectReference"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("secrets", row(Some("io.k8s.api.core.v1.ObjectReference"), true, false, None, false, Some("merge"), Some("name"), &[])),
    ]),
    ("io.k8s.api.core.v1.ServiceAccountList", &[
        ("items", row(Some("io.k8s.api.core.v1.ServiceAccount"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ServiceList", &[
        ("items", row(Some("io.k8s.api.core.v1.Service"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ServicePort", &[
        ("targetPort", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ServiceSpec", &[
        ("clusterIPs", row(None, true, true, None, false, None, None, &[])),
        ("externalIPs", row(None, true, true, None, false, None, None, &[])),
        ("ipFamilies", row(None, true, true, None, false, None, None, &[])),
        ("loadBalancerSourceRanges", row(None, true, true, None, false, None, None, &[])),
        ("ports", row(Some("io.k8s.api.core.v1.ServicePort"), true, false, None, false, Some("merge"), Some("port"), &[Cow::Borrowed("port"), Cow::Borrowed("protocol")])),
        ("sessionAffinityConfig", row(Some("io.k8s.api.core.v1.SessionAffinityConfig"), false, false, None, false, None, None, &[])),
        ("topologyKeys", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.ServiceStatus", &[
        ("conditions", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Condition"), true, false, None, false, Some("merge"), Some("type"), &[Cow::Borrowed("type")])),
        ("loadBalancer", row(Some("io.k8s.api.core.v1.LoadBalancerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.SessionAffinityConfig", &[
        ("clientIP", row(Some("io.k8s.api.core.v1.ClientIPConfig"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.StorageOSPersistentVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.StorageOSVolumeSource", &[
        ("secretRef", row(Some("io.k8s.api.core.v1.LocalObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.TCPSocketAction", &[
        ("port", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Taint", &[
        ("timeAdded", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.TopologySelectorLabelRequirement", &[
        ("values", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.TopologySelectorTerm", &[
        ("matchLabelExpressions", row(Some("io.k8s.api.core.v1.TopologySelectorLabelRequirement"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.TopologySpreadConstraint", &[
        ("labelSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.Volume", &[
        ("awsElasticBlockStore", row(Some("io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource"), false, false, None, false, None, None, &[])),
        ("azureDisk", row(Some("io.k8s.api.core.v1.AzureDiskVolumeSource"), false, false, None, false, None, None, &[])),
        ("azureFile", row(Some("io.k8s.api.core.v1.AzureFileVolumeSource"), false, false, None, false, None, None, &[])),
        ("cephfs", row(Some("io.k8s.api.core.v1.CephFSVolumeSource"), false, false, None, false, None, None, &[])),
        ("cinder", row(Some("io.k8s.api.core.v1.CinderVolumeSource"), false, false, None, false, None, None, &[])),
        ("configMap", row(Some("io.k8s.api.core.v1.ConfigMapVolumeSource"), false, false, None, false, None, None, &[])),
        ("csi", row(Some("io.k8s.api.core.v1.CSIVolumeSource"), false, false, None, false, None, None, &[])),
        ("downwardAPI", row(Some("io.k8s.api.core.v1.DownwardAPIVolumeSource"), false, false, None, false, None, None, &[])),
        ("emptyDir", row(Some("io.k8s.api.core.v1.EmptyDirVolumeSource"), false, false, None, false, None, None, &[])),
        ("ephemeral", row(Some("io.k8s.api.core.v1.EphemeralVolumeSource"), false, false, None, false, None, None, &[])),
        ("fc", row(Some("io.k8s.api.core.v1.FCVolumeSource"), false, false, None, false, None, None, &[])),
        ("flexVolume", row(Some("io.k8s.api.core.v1.FlexVolumeSource"), false, false, None, false, None, None, &[])),
        ("flocker", row(Some("io.k8s.api.core.v1.FlockerVolumeSource"), false, false, None, false, None, None, &[])),
        ("gcePersistentDisk", row(Some("io.k8s.api.core.v1.GCEPersistentDiskVolumeSource"), false, false, None, false, None, None, &[])),
        ("gitRepo", row(Some("io.k8s.api.core.v1.GitRepoVolumeSource"), false, false, None, false, None, None, &[])),
        ("glusterfs", row(Some("io.k8s.api.core.v1.GlusterfsVolumeSource"), false, false, None, false, None, None, &[])),
        ("hostPath", row(Some("io.k8s.api.core.v1.HostPathVolumeSource"), false, false, None, false, None, None, &[])),
        ("iscsi", row(Some("io.k8s.api.core.v1.ISCSIVolumeSource"), false, false, None, false, None, None, &[])),
        ("nfs", row(Some("io.k8s.api.core.v1.NFSVolumeSource"), false, false, None, false, None, None, &[])),
        ("persistentVolumeClaim", row(Some("io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource"), false, false, None, false, None, None, &[])),
        ("photonPersistentDisk", row(Some("io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource"), false, false, None, false, None, None, &[])),
        ("portworxVolume", row(Some("io.k8s.api.core.v1.PortworxVolumeSource"), false, false, None, false, None, None, &[])),
        ("projected", row(Some("io.k8s.api.core.v1.ProjectedVolumeSource"), false, false, None, false, None, None, &[])),
        ("quobyte", row(Some("io.k8s.api.core.v1.QuobyteVolumeSource"), false, false, None, false, None, None, &[])),
        ("rbd", row(Some("io.k8s.api.core.v1.RBDVolumeSource"), false, false, None, false, None, None, &[])),
        ("scaleIO", row(Some("io.k8s.api.core.v1.ScaleIOVolumeSource"), false, false, None, false, None, None, &[])),
        ("secret", row(Some("io.k8s.api.core.v1.SecretVolumeSource"), false, false, None, false, None, None, &[])),
        ("storageos", row(Some("io.k8s.api.core.v1.StorageOSVolumeSource"), false, false, None, false, None, None, &[])),
        ("vsphereVolume", row(Some("io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.VolumeNodeAffinity", &[
        ("required", row(Some("io.k8s.api.core.v1.NodeSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.VolumeProjection", &[
        ("configMap", row(Some("io.k8s.api.core.v1.ConfigMapProjection"), false, false, None, false, None, None, &[])),
        ("downwardAPI", row(Some("io.k8s.api.core.v1.DownwardAPIProjection"), false, false, None, false, None, None, &[])),
        ("secret", row(Some("io.k8s.api.core.v1.SecretProjection"), false, false, None, false, None, None, &[])),
        ("serviceAccountToken", row(Some("io.k8s.api.core.v1.ServiceAccountTokenProjection"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.core.v1.WeightedPodAffinityTerm", &[
        ("podAffinityTerm", row(Some("io.k8s.api.core.v1.PodAffinityTerm"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1.Endpoint", &[
        ("addresses", row(None, true, true, None, false, None, None, &[])),
        ("conditions", row(Some("io.k8s.api.discovery.v1.EndpointConditions"), false, false, None, false, None, None, &[])),
        ("hints", row(Some("io.k8s.api.discovery.v1.EndpointHints"), false, false, None, false, None, None, &[])),
        ("targetRef", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1.EndpointHints", &[
        ("forZones", row(Some("io.k8s.api.discovery.v1.ForZone"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1.EndpointSlice", &[
        ("endpoints", row(Some("io.k8s.api.discovery.v1.Endpoint"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("ports", row(Some("io.k8s.api.discovery.v1.EndpointPort"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1.EndpointSliceList", &[
        ("items", row(Some("io.k8s.api.discovery.v1.EndpointSlice"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1beta1.Endpoint", &[
        ("addresses", row(None, true, true, None, false, None, None, &[])),
        ("conditions", row(Some("io.k8s.api.discovery.v1beta1.EndpointConditions"), false, false, None, false, None, None, &[])),
        ("hints", row(Some("io.k8s.api.discovery.v1beta1.EndpointHints"), false, false, None, false, None, None, &[])),
        ("targetRef", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1beta1.EndpointHints", &[
        ("forZones", row(Some("io.k8s.api.discovery.v1beta1.ForZone"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1beta1.EndpointSlice", &[
        ("endpoints", row(Some("io.k8s.api.discovery.v1beta1.Endpoint"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("ports", row(Some("io.k8s.api.discovery.v1beta1.EndpointPort"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.discovery.v1beta1.EndpointSliceList", &[
        ("items", row(Some("io.k8s.api.discovery.v1beta1.EndpointSlice"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.events.v1.Event", &[
        ("deprecatedFirstTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("deprecatedLastTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("deprecatedSource", row(Some("io.k8s.api.core.v1.EventSource"), false, false, None, false, None, None, &[])),
        ("eventTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("regarding", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
        ("related", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
        ("series", row(Some("io.k8s.api.events.v1.EventSeries"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.events.v1.EventList", &[
        ("items", row(Some("io.k8s.api.events.v1.Event"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.events.v1.EventSeries", &[
        ("lastObservedTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.events.v1beta1.Event", &[
        ("deprecatedFirstTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("deprecatedLastTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("deprecatedSource", row(Some("io.k8s.api.core.v1.EventSource"), false, false, None, false, None, None, &[])),
        ("eventTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("regarding", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
        ("related", row(Some("io.k8s.api.core.v1.ObjectReference"), false, false, None, false, None, None, &[])),
        ("series", row(Some("io.k8s.api.events.v1beta1.EventSeries"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.events.v1beta1.EventList", &[
        ("items", row(Some("io.k8s.api.events.v1beta1.Event"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.events.v1beta1.EventSeries", &[
        ("lastObservedTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.HTTPIngressPath", &[
        ("backend", row(Some("io.k8s.api.extensions.v1beta1.IngressBackend"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.HTTPIngressRuleValue", &[
        ("paths", row(Some("io.k8s.api.extensions.v1beta1.HTTPIngressPath"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.Ingress", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.extensions.v1beta1.IngressSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.extensions.v1beta1.IngressStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.IngressBackend", &[
        ("resource", row(Some("io.k8s.api.core.v1.TypedLocalObjectReference"), false, false, None, false, None, None, &[])),
        ("servicePort", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.IngressList", &[
        ("items", row(Some("io.k8s.api.extensions.v1beta1.Ingress"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.IngressRule", &[
        ("http", row(Some("io.k8s.api.extensions.v1beta1.HTTPIngressRuleValue"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.IngressSpec", &[
        ("backend", row(Some("io.k8s.api.extensions.v1beta1.IngressBackend"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.extensions.v1beta1.IngressRule"), true, false, None, false, None, None, &[])),
        ("tls", row(Some("io.k8s.api.extensions.v1beta1.IngressTLS"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.IngressStatus", &[
        ("loadBalancer", row(Some("io.k8s.api.core.v1.LoadBalancerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.extensions.v1beta1.IngressTLS", &[
        ("hosts", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.FlowSchema", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.flowcontrol.v1beta1.FlowSchemaSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.flowcontrol.v1beta1.FlowSchemaStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.FlowSchemaCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.FlowSchemaList", &[
        ("items", row(Some("io.k8s.api.flowcontrol.v1beta1.FlowSchema"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.FlowSchemaSpec", &[
        ("distinguisherMethod", row(Some("io.k8s.api.flowcontrol.v1beta1.FlowDistinguisherMethod"), false, false, None, false, None, None, &[])),
        ("priorityLevelConfiguration", row(Some("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationReference"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.flowcontrol.v1beta1.PolicyRulesWithSubjects"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.FlowSchemaStatus", &[
        ("conditions", row(Some("io.k8s.api.flowcontrol.v1beta1.FlowSchemaCondition"), true, false, None, false, None, None, &[Cow::Borrowed("type")])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.LimitResponse", &[
        ("queuing", row(Some("io.k8s.api.flowcontrol.v1beta1.QueuingConfiguration"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.LimitedPriorityLevelConfiguration", &[
        ("limitResponse", row(Some("io.k8s.api.flowcontrol.v1beta1.LimitResponse"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.NonResourcePolicyRule", &[
        ("nonResourceURLs", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.PolicyRulesWithSubjects", &[
        ("nonResourceRules", row(Some("io.k8s.api.flowcontrol.v1beta1.NonResourcePolicyRule"), true, false, None, false, None, None, &[])),
        ("resourceRules", row(Some("io.k8s.api.flowcontrol.v1beta1.ResourcePolicyRule"), true, false, None, false, None, None, &[])),
        ("subjects", row(Some("io.k8s.api.flowcontrol.v1beta1.Subject"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfiguration", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationList", &[
        ("items", row(Some("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfiguration"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationSpec", &[
        ("limited", row(Some("io.k8s.api.flowcontrol.v1beta1.LimitedPriorityLevelConfiguration"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationStatus", &[
        ("conditions", row(Some("io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationCondition"), true, false, None, false, None, None, &[Cow::Borrowed("type")])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.ResourcePolicyRule", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("namespaces", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.flowcontrol.v1beta1.Subject", &[
        ("group", row(Some("io.k8s.api.flowcontrol.v1beta1.GroupSubject"), false, false, None, false, None, None, &[])),
        ("serviceAccount", row(Some("io.k8s.api.flowcontrol.v1beta1.ServiceAccountSubject"), false, false, None, false, None, None, &[])),
        ("user", row(Some("io.k8s.api.flowcontrol.v1beta1.UserSubject"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.HTTPIngressPath", &[
        ("backend", row(Some("io.k8s.api.networking.v1.IngressBackend"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.HTTPIngressRuleValue", &[
        ("paths", row(Some("io.k8s.api.networking.v1.HTTPIngressPath"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IPBlock", &[
        ("except", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.Ingress", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.networking.v1.IngressSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.networking.v1.IngressStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressBackend", &[
        ("resource", row(Some("io.k8s.api.core.v1.TypedLocalObjectReference"), false, false, None, false, None, None, &[])),
        ("service", row(Some("io.k8s.api.networking.v1.IngressServiceBackend"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.networking.v1.IngressClassSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressClassList", &[
        ("items", row(Some("io.k8s.api.networking.v1.IngressClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressClassSpec", &[
        ("parameters", row(Some("io.k8s.api.networking.v1.IngressClassParametersReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressList", &[
        ("items", row(Some("io.k8s.api.networking.v1.Ingress"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressRule", &[
        ("http", row(Some("io.k8s.api.networking.v1.HTTPIngressRuleValue"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressServiceBackend", &[
        ("port", row(Some("io.k8s.api.networking.v1.ServiceBackendPort"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressSpec", &[
        ("defaultBackend", row(Some("io.k8s.api.networking.v1.IngressBackend"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.networking.v1.IngressRule"), true, false, None, false, None, None, &[])),
        ("tls", row(Some("io.k8s.api.networking.v1.IngressTLS"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressStatus", &[
        ("loadBalancer", row(Some("io.k8s.api.core.v1.LoadBalancerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.IngressTLS", &[
        ("hosts", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.NetworkPolicy", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.networking.v1.NetworkPolicySpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.NetworkPolicyEgressRule", &[
        ("ports", row(Some("io.k8s.api.networking.v1.NetworkPolicyPort"), true, false, None, false, None, None, &[])),
        ("to", row(Some("io.k8s.api.networking.v1.NetworkPolicyPeer"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.NetworkPolicyIngressRule", &[
        ("from", row(Some("io.k8s.api.networking.v1.NetworkPolicyPeer"), true, false, None, false, None, None, &[])),
        ("ports", row(Some("io.k8s.api.networking.v1.NetworkPolicyPort"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.NetworkPolicyList", &[
        ("items", row(Some("io.k8s.api.networking.v1.NetworkPolicy"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.NetworkPolicyPeer", &[
        ("ipBlock", row(Some("io.k8s.api.networking.v1.IPBlock"), false, false, None, false, None, None, &[])),
        ("namespaceSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("podSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.NetworkPolicyPort", &[
        ("port", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1.NetworkPolicySpec", &[
        ("egress", row(Some("io.k8s.api.networking.v1.NetworkPolicyEgressRule"), true, false, None, false, None, None, &[])),
        ("ingress", row(Some("io.k8s.api.networking.v1.NetworkPolicyIngressRule"), true, false, None, false, None, None, &[])),
        ("podSelector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
        ("policyTypes", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.HTTPIngressPath", &[
        ("backend", row(Some("io.k8s.api.networking.v1beta1.IngressBackend"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.HTTPIngressRuleValue", &[
        ("paths", row(Some("io.k8s.api.networking.v1beta1.HTTPIngressPath"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.Ingress", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.networking.v1beta1.IngressSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.networking.v1beta1.IngressStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressBackend", &[
        ("resource", row(Some("io.k8s.api.core.v1.TypedLocalObjectReference"), false, false, None, false, None, None, &[])),
        ("servicePort", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.networking.v1beta1.IngressClassSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressClassList", &[
        ("items", row(Some("io.k8s.api.networking.v1beta1.IngressClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressClassSpec", &[
        ("parameters", row(Some("io.k8s.api.networking.v1beta1.IngressClassParametersReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressList", &[
        ("items", row(Some("io.k8s.api.networking.v1beta1.Ingress"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressRule", &[
        ("http", row(Some("io.k8s.api.networking.v1beta1.HTTPIngressRuleValue"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressSpec", &[
        ("backend", row(Some("io.k8s.api.networking.v1beta1.IngressBackend"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.networking.v1beta1.IngressRule"), true, false, None, false, None, None, &[])),
        ("tls", row(Some("io.k8s.api.networking.v1beta1.IngressTLS"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressStatus", &[
        ("loadBalancer", row(Some("io.k8s.api.core.v1.LoadBalancerStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.networking.v1beta1.IngressTLS", &[
        ("hosts", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1.Overhead", &[
        ("podFixed", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1.RuntimeClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("overhead", row(Some("io.k8s.api.node.v1.Overhead"), false, false, None, false, None, None, &[])),
        ("scheduling", row(Some("io.k8s.api.node.v1.Scheduling"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1.RuntimeClassList", &[
        ("items", row(Some("io.k8s.api.node.v1.RuntimeClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1.Scheduling", &[
        ("tolerations", row(Some("io.k8s.api.core.v1.Toleration"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1alpha1.Overhead", &[
        ("podFixed", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1alpha1.RuntimeClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.node.v1alpha1.RuntimeClassSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1alpha1.RuntimeClassList", &[
        ("items", row(Some("io.k8s.api.node.v1alpha1.RuntimeClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1alpha1.RuntimeClassSpec", &[
        ("overhead", row(Some("io.k8s.api.node.v1alpha1.Overhead"), false, false, None, false, None, None, &[])),
        ("scheduling", row(Some("io.k8s.api.node.v1alpha1.Scheduling"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1alpha1.Scheduling", &[
        ("tolerations", row(Some("io.k8s.api.core.v1.Toleration"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1beta1.Overhead", &[
        ("podFixed", row(None, false, false, Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1beta1.RuntimeClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("overhead", row(Some("io.k8s.api.node.v1beta1.Overhead"), false, false, None, false, None, None, &[])),
        ("scheduling", row(Some("io.k8s.api.node.v1beta1.Scheduling"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1beta1.RuntimeClassList", &[
        ("items", row(Some("io.k8s.api.node.v1beta1.RuntimeClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.node.v1beta1.Scheduling", &[
        ("tolerations", row(Some("io.k8s.api.core.v1.Toleration"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1.PodDisruptionBudget", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.policy.v1.PodDisruptionBudgetSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.policy.v1.PodDisruptionBudgetStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1.PodDisruptionBudgetList", &[
        ("items", row(Some("io.k8s.api.policy.v1.PodDisruptionBudget"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1.PodDisruptionBudgetSpec", &[
        ("maxUnavailable", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
        ("minAvailable", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, Some("replace"), None, &[])),
    ]),
    ("io.k8s.api.policy.v1.PodDisruptionBudgetStatus", &[
        ("conditions", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Condition"), true, false, None, false, Some("merge"), Some("type"), &[Cow::Borrowed("type")])),
        ("disruptedPods", row(None, false, false, Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.Eviction", &[
        ("deleteOptions", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.FSGroupStrategyOptions", &[
        ("ranges", row(Some("io.k8s.api.policy.v1beta1.IDRange"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.PodDisruptionBudget", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.policy.v1beta1.PodDisruptionBudgetSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.policy.v1beta1.PodDisruptionBudgetStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.PodDisruptionBudgetList", &[
        ("items", row(Some("io.k8s.api.policy.v1beta1.PodDisruptionBudget"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.PodDisruptionBudgetSpec", &[
        ("maxUnavailable", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
        ("minAvailable", row(Some("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), false, false, None, false, None, None, &[])),
        ("selector", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, Some("replace"), None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.PodDisruptionBudgetStatus", &[
        ("conditions", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Condition"), true, false, None, false, Some("merge"), Some("type"), &[Cow::Borrowed("type")])),
        ("disruptedPods", row(None, false, false, Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.PodSecurityPolicy", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.policy.v1beta1.PodSecurityPolicySpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.PodSecurityPolicyList", &[
        ("items", row(Some("io.k8s.api.policy.v1beta1.PodSecurityPolicy"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.PodSecurityPolicySpec", &[
        ("allowedCSIDrivers", row(Some("io.k8s.api.policy.v1beta1.AllowedCSIDriver"), true, false, None, false, None, None, &[])),
        ("allowedCapabilities", row(None, true, true, None, false, None, None, &[])),
        ("allowedFlexVolumes", row(Some("io.k8s.api.policy.v1beta1.AllowedFlexVolume"), true, false, None, false, None, None, &[])),
        ("allowedHostPaths", row(Some("io.k8s.api.policy.v1beta1.AllowedHostPath"), true, false, None, false, None, None, &[])),
        ("allowedProcMountTypes", row(None, true, true, None, false, None, None, &[])),
        ("allowedUnsafeSysctls", row(None, true, true, None, false, None, None, &[])),
        ("defaultAddCapabilities", row(None, true, true, None, false, None, None, &[])),
        ("forbiddenSysctls", row(None, true, true, None, false, None, None, &[])),
        ("fsGroup", row(Some("io.k8s.api.policy.v1beta1.FSGroupStrategyOptions"), false, false, None, false, None, None, &[])),
        ("hostPorts", row(Some("io.k8s.api.policy.v1beta1.HostPortRange"), true, false, None, false, None, None, &[])),
        ("requiredDropCapabilities", row(None, true, true, None, false, None, None, &[])),
        ("runAsGroup", row(Some("io.k8s.api.policy.v1beta1.RunAsGroupStrategyOptions"), false, false, None, false, None, None, &[])),
        ("runAsUser", row(Some("io.k8s.api.policy.v1beta1.RunAsUserStrategyOptions"), false, false, None, false, None, None, &[])),
        ("runtimeClass", row(Some("io.k8s.api.policy.v1beta1.RuntimeClassStrategyOptions"), false, false, None, false, None, None, &[])),
        ("seLinux", row(Some("io.k8s.api.policy.v1beta1.SELinuxStrategyOptions"), false, false, None, false, None, None, &[])),
        ("supplementalGroups", row(Some("io.k8s.api.policy.v1beta1.SupplementalGroupsStrategyOptions"), false, false, None, false, None, None, &[])),
        ("volumes", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.RunAsGroupStrategyOptions", &[
        ("ranges", row(Some("io.k8s.api.policy.v1beta1.IDRange"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.RunAsUserStrategyOptions", &[
        ("ranges", row(Some("io.k8s.api.policy.v1beta1.IDRange"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.RuntimeClassStrategyOptions", &[
        ("allowedRuntimeClassNames", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.SELinuxStrategyOptions", &[
        ("seLinuxOptions", row(Some("io.k8s.api.core.v1.SELinuxOptions"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.policy.v1beta1.SupplementalGroupsStrategyOptions", &[
        ("ranges", row(Some("io.k8s.api.policy.v1beta1.IDRange"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.AggregationRule", &[
        ("clusterRoleSelectors", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.ClusterRole", &[
        ("aggregationRule", row(Some("io.k8s.api.rbac.v1.AggregationRule"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.rbac.v1.PolicyRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.ClusterRoleBinding", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("roleRef", row(Some("io.k8s.api.rbac.v1.RoleRef"), false, false, None, false, None, None, &[])),
        ("subjects", row(Some("io.k8s.api.rbac.v1.Subject"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.ClusterRoleBindingList", &[
        ("items", row(Some("io.k8s.api.rbac.v1.ClusterRoleBinding"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.ClusterRoleList", &[
        ("items", row(Some("io.k8s.api.rbac.v1.ClusterRole"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.PolicyRule", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("nonResourceURLs", row(None, true, true, None, false, None, None, &[])),
        ("resourceNames", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.Role", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.rbac.v1.PolicyRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.RoleBinding", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("roleRef", row(Some("io.k8s.api.rbac.v1.RoleRef"), false, false, None, false, None, None, &[])),
        ("subjects", row(Some("io.k8s.api.rbac.v1.Subject"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.RoleBindingList", &[
        ("items", row(Some("io.k8s.api.rbac.v1.RoleBinding"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1.RoleList", &[
        ("items", row(Some("io.k8s.api.rbac.v1.Role"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.AggregationRule", &[
        ("clusterRoleSelectors", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.ClusterRole", &[
        ("aggregationRule", row(Some("io.k8s.api.rbac.v1alpha1.AggregationRule"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.rbac.v1alpha1.PolicyRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.ClusterRoleBinding", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("roleRef", row(Some("io.k8s.api.rbac.v1alpha1.RoleRef"), false, false, None, false, None, None, &[])),
        ("subjects", row(Some("io.k8s.api.rbac.v1alpha1.Subject"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.ClusterRoleBindingList", &[
        ("items", row(Some("io.k8s.api.rbac.v1alpha1.ClusterRoleBinding"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.ClusterRoleList", &[
        ("items", row(Some("io.k8s.api.rbac.v1alpha1.ClusterRole"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.PolicyRule", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("nonResourceURLs", row(None, true, true, None, false, None, None, &[])),
        ("resourceNames", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.Role", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.rbac.v1alpha1.PolicyRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.RoleBinding", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("roleRef", row(Some("io.k8s.api.rbac.v1alpha1.RoleRef"), false, false, None, false, None, None, &[])),
        ("subjects", row(Some("io.k8s.api.rbac.v1alpha1.Subject"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.RoleBindingList", &[
        ("items", row(Some("io.k8s.api.rbac.v1alpha1.RoleBinding"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1alpha1.RoleList", &[
        ("items", row(Some("io.k8s.api.rbac.v1alpha1.Role"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.AggregationRule", &[
        ("clusterRoleSelectors", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.ClusterRole", &[
        ("aggregationRule", row(Some("io.k8s.api.rbac.v1beta1.AggregationRule"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.rbac.v1beta1.PolicyRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.ClusterRoleBinding", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("roleRef", row(Some("io.k8s.api.rbac.v1beta1.RoleRef"), false, false, None, false, None, None, &[])),
        ("subjects", row(Some("io.k8s.api.rbac.v1beta1.Subject"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.ClusterRoleBindingList", &[
        ("items", row(Some("io.k8s.api.rbac.v1beta1.ClusterRoleBinding"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.ClusterRoleList", &[
        ("items", row(Some("io.k8s.api.rbac.v1beta1.ClusterRole"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.PolicyRule", &[
        ("apiGroups", row(None, true, true, None, false, None, None, &[])),
        ("nonResourceURLs", row(None, true, true, None, false, None, None, &[])),
        ("resourceNames", row(None, true, true, None, false, None, None, &[])),
        ("resources", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.Role", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("rules", row(Some("io.k8s.api.rbac.v1beta1.PolicyRule"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.RoleBinding", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("roleRef", row(Some("io.k8s.api.rbac.v1beta1.RoleRef"), false, false, None, false, None, None, &[])),
        ("subjects", row(Some("io.k8s.api.rbac.v1beta1.Subject"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.RoleBindingList", &[
        ("items", row(Some("io.k8s.api.rbac.v1beta1.RoleBinding"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.rbac.v1beta1.RoleList", &[
        ("items", row(Some("io.k8s.api.rbac.v1beta1.Role"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.scheduling.v1.PriorityClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.scheduling.v1.PriorityClassList", &[
        ("items", row(Some("io.k8s.api.scheduling.v1.PriorityClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.scheduling.v1alpha1.PriorityClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.scheduling.v1alpha1.PriorityClassList", &[
        ("items", row(Some("io.k8s.api.scheduling.v1alpha1.PriorityClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.scheduling.v1beta1.PriorityClass", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.scheduling.v1beta1.PriorityClassList", &[
        ("items", row(Some("io.k8s.api.scheduling.v1beta1.PriorityClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.CSIDriver", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.storage.v1.CSIDriverSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.CSIDriverList", &[
        ("items", row(Some("io.k8s.api.storage.v1.CSIDriver"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.CSIDriverSpec", &[
        ("tokenRequests", row(Some("io.k8s.api.storage.v1.TokenRequest"), true, false, None, false, None, None, &[])),
        ("volumeLifecycleModes", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.CSINode", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.storage.v1.CSINodeSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.CSINodeDriver", &[
        ("allocatable", row(Some("io.k8s.api.storage.v1.VolumeNodeResources"), false, false, None, false, None, None, &[])),
        ("topologyKeys", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.CSINodeList", &[
        ("items", row(Some("io.k8s.api.storage.v1.CSINode"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.CSINodeSpec", &[
        ("drivers", row(Some("io.k8s.api.storage.v1.CSINodeDriver"), true, false, None, false, Some("merge"), Some("name"), &[])),
    ]),
    ("io.k8s.api.storage.v1.StorageClass", &[
        ("allowedTopologies", row(Some("io.k8s.api.core.v1.TopologySelectorTerm"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("mountOptions", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.StorageClassList", &[
        ("items", row(Some("io.k8s.api.storage.v1.StorageClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.VolumeAttachment", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.storage.v1.VolumeAttachmentSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.storage.v1.VolumeAttachmentStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.VolumeAttachmentList", &[
        ("items", row(Some("io.k8s.api.storage.v1.VolumeAttachment"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.VolumeAttachmentSource", &[
        ("inlineVolumeSpec", row(Some("io.k8s.api.core.v1.PersistentVolumeSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.VolumeAttachmentSpec", &[
        ("source", row(Some("io.k8s.api.storage.v1.VolumeAttachmentSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.VolumeAttachmentStatus", &[
        ("attachError", row(Some("io.k8s.api.storage.v1.VolumeError"), false, false, None, false, None, None, &[])),
        ("detachError", row(Some("io.k8s.api.storage.v1.VolumeError"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1.VolumeError", &[
        ("time", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.CSIStorageCapacity", &[
        ("capacity", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("maximumVolumeSize", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("nodeTopology", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.CSIStorageCapacityList", &[
        ("items", row(Some("io.k8s.api.storage.v1alpha1.CSIStorageCapacity"), true, false, None, false, None, None, &[Cow::Borrowed("name")])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.VolumeAttachment", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.storage.v1alpha1.VolumeAttachmentSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.storage.v1alpha1.VolumeAttachmentStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.VolumeAttachmentList", &[
        ("items", row(Some("io.k8s.api.storage.v1alpha1.VolumeAttachment"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.VolumeAttachmentSource", &[
        ("inlineVolumeSpec", row(Some("io.k8s.api.core.v1.PersistentVolumeSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.VolumeAttachmentSpec", &[
        ("source", row(Some("io.k8s.api.storage.v1alpha1.VolumeAttachmentSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.VolumeAttachmentStatus", &[
        ("attachError", row(Some("io.k8s.api.storage.v1alpha1.VolumeError"), false, false, None, false, None, None, &[])),
        ("detachError", row(Some("io.k8s.api.storage.v1alpha1.VolumeError"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1alpha1.VolumeError", &[
        ("time", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSIDriver", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.storage.v1beta1.CSIDriverSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSIDriverList", &[
        ("items", row(Some("io.k8s.api.storage.v1beta1.CSIDriver"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSIDriverSpec", &[
        ("tokenRequests", row(Some("io.k8s.api.storage.v1beta1.TokenRequest"), true, false, None, false, None, None, &[])),
        ("volumeLifecycleModes", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSINode", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.storage.v1beta1.CSINodeSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSINodeDriver", &[
        ("allocatable", row(Some("io.k8s.api.storage.v1beta1.VolumeNodeResources"), false, false, None, false, None, None, &[])),
        ("topologyKeys", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSINodeList", &[
        ("items", row(Some("io.k8s.api.storage.v1beta1.CSINode"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSINodeSpec", &[
        ("drivers", row(Some("io.k8s.api.storage.v1beta1.CSINodeDriver"), true, false, None, false, Some("merge"), Some("name"), &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSIStorageCapacity", &[
        ("capacity", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("maximumVolumeSize", row(Some("io.k8s.apimachinery.pkg.api.resource.Quantity"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("nodeTopology", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.CSIStorageCapacityList", &[
        ("items", row(Some("io.k8s.api.storage.v1beta1.CSIStorageCapacity"), true, false, None, false, None, None, &[Cow::Borrowed("name")])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.StorageClass", &[
        ("allowedTopologies", row(Some("io.k8s.api.core.v1.TopologySelectorTerm"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("mountOptions", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.StorageClassList", &[
        ("items", row(Some("io.k8s.api.storage.v1beta1.StorageClass"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.VolumeAttachment", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.api.storage.v1beta1.VolumeAttachmentSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.api.storage.v1beta1.VolumeAttachmentStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.VolumeAttachmentList", &[
        ("items", row(Some("io.k8s.api.storage.v1beta1.VolumeAttachment"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.VolumeAttachmentSource", &[
        ("inlineVolumeSpec", row(Some("io.k8s.api.core.v1.PersistentVolumeSpec"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.VolumeAttachmentSpec", &[
        ("source", row(Some("io.k8s.api.storage.v1beta1.VolumeAttachmentSource"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.VolumeAttachmentStatus", &[
        ("attachError", row(Some("io.k8s.api.storage.v1beta1.VolumeError"), false, false, None, false, None, None, &[])),
        ("detachError", row(Some("io.k8s.api.storage.v1beta1.VolumeError"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.api.storage.v1beta1.VolumeError", &[
        ("time", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceConversion", &[
        ("webhook", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookConversion"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionList", &[
        ("items", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionNames", &[
        ("categories", row(None, true, true, None, false, None, None, &[])),
        ("shortNames", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec", &[
        ("conversion", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceConversion"), false, false, None, false, None, None, &[])),
        ("names", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionNames"), false, false, None, false, None, None, &[])),
        ("versions", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionVersion"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus", &[
        ("acceptedNames", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionNames"), false, false, None, false, None, None, &[])),
        ("conditions", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionCondition"), true, false, None, false, None, None, &[Cow::Borrowed("type")])),
        ("storedVersions", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionVersion", &[
        ("additionalPrinterColumns", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceColumnDefinition"), true, false, None, false, None, None, &[])),
        ("schema", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceValidation"), false, false, None, false, None, None, &[])),
        ("subresources", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresources"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresources", &[
        ("scale", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceScale"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceValidation", &[
        ("openAPIV3Schema", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps", &[
        ("additionalItems", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool"), false, false, None, false, None, None, &[])),
        ("additionalProperties", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool"), false, false, None, false, None, None, &[])),
        ("allOf", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), true, false, None, false, None, None, &[])),
        ("anyOf", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), true, false, None, false, None, None, &[])),
        ("default", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON"), false, false, None, false, None, None, &[])),
        ("definitions", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), false, None, None, &[])),
        ("dependencies", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray"), false, None, None, &[])),
        ("enum", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON"), true, false, None, false, None, None, &[])),
        ("example", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON"), false, false, None, false, None, None, &[])),
        ("externalDocs", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ExternalDocumentation"), false, false, None, false, None, None, &[])),
        ("items", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray"), false, false, None, false, None, None, &[])),
        ("not", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), false, false, None, false, None, None, &[])),
        ("oneOf", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), true, false, None, false, None, None, &[])),
        ("patternProperties", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), false, None, None, &[])),
        ("properties", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"), false, None, None, &[])),
        ("required", row(None, true, true, None, false, None, None, &[])),
        ("x-kubernetes-list-map-keys", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookClientConfig", &[
        ("service", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ServiceReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookConversion", &[
        ("clientConfig", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookClientConfig"), false, false, None, false, None, None, &[])),
        ("conversionReviewVersions", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceConversion", &[
        ("conversionReviewVersions", row(None, true, true, None, false, None, None, &[])),
        ("webhookClientConfig", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.WebhookClientConfig"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinition", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionList", &[
        ("items", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinition"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionNames", &[
        ("categories", row(None, true, true, None, false, None, None, &[])),
        ("shortNames", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionSpec", &[
        ("additionalPrinterColumns", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceColumnDefinition"), true, false, None, false, None, None, &[])),
        ("conversion", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceConversion"), false, false, None, false, None, None, &[])),
        ("names", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionNames"), false, false, None, false, None, None, &[])),
        ("subresources", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceSubresources"), false, false, None, false, None, None, &[])),
        ("validation", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceValidation"), false, false, None, false, None, None, &[])),
        ("versions", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionVersion"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionStatus", &[
        ("acceptedNames", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionNames"), false, false, None, false, None, None, &[])),
        ("conditions", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionCondition"), true, false, None, false, None, None, &[Cow::Borrowed("type")])),
        ("storedVersions", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceDefinitionVersion", &[
        ("additionalPrinterColumns", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceColumnDefinition"), true, false, None, false, None, None, &[])),
        ("schema", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceValidation"), false, false, None, false, None, None, &[])),
        ("subresources", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceSubresources"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceSubresources", &[
        ("scale", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceSubresourceScale"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceSubresourceStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceValidation", &[
        ("openAPIV3Schema", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps", &[
        ("additionalItems", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaPropsOrBool"), false, false, None, false, None, None, &[])),
        ("additionalProperties", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaPropsOrBool"), false, false, None, false, None, None, &[])),
        ("allOf", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), true, false, None, false, None, None, &[])),
        ("anyOf", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), true, false, None, false, None, None, &[])),
        ("default", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSON"), false, false, None, false, None, None, &[])),
        ("definitions", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), false, None, None, &[])),
        ("dependencies", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaPropsOrStringArray"), false, None, None, &[])),
        ("enum", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSON"), true, false, None, false, None, None, &[])),
        ("example", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSON"), false, false, None, false, None, None, &[])),
        ("externalDocs", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.ExternalDocumentation"), false, false, None, false, None, None, &[])),
        ("items", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaPropsOrArray"), false, false, None, false, None, None, &[])),
        ("not", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), false, false, None, false, None, None, &[])),
        ("oneOf", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), true, false, None, false, None, None, &[])),
        ("patternProperties", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), false, None, None, &[])),
        ("properties", row(None, false, false, Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSONSchemaProps"), false, None, None, &[])),
        ("required", row(None, true, true, None, false, None, None, &[])),
        ("x-kubernetes-list-map-keys", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.WebhookClientConfig", &[
        ("service", row(Some("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.ServiceReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup", &[
        ("preferredVersion", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery"), false, false, None, false, None, None, &[])),
        ("serverAddressByClientCIDRs", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR"), true, false, None, false, None, None, &[])),
        ("versions", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList", &[
        ("groups", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.APIResource", &[
        ("categories", row(None, true, true, None, false, None, None, &[])),
        ("shortNames", row(None, true, true, None, false, None, None, &[])),
        ("verbs", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList", &[
        ("resources", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.APIResource"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions", &[
        ("serverAddressByClientCIDRs", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR"), true, false, None, false, None, None, &[])),
        ("versions", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.Condition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions", &[
        ("dryRun", row(None, true, true, None, false, None, None, &[])),
        ("preconditions", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Preconditions"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", &[
        ("matchExpressions", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement", &[
        ("key", row(None, false, false, None, false, Some("merge"), Some("key"), &[])),
        ("values", row(None, true, true, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry", &[
        ("fieldsV1", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"), false, false, None, false, None, None, &[])),
        ("time", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", &[
        ("creationTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("deletionTimestamp", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
        ("finalizers", row(None, true, true, None, false, Some("merge"), None, &[])),
        ("managedFields", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry"), true, false, None, false, None, None, &[])),
        ("ownerReferences", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference"), true, false, None, false, Some("merge"), Some("uid"), &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.Status", &[
        ("details", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails"), false, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails", &[
        ("causes", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.StatusCause"), true, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent", &[
        ("object", row(Some("io.k8s.apimachinery.pkg.runtime.RawExtension"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceList", &[
        ("items", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec", &[
        ("caBundle", row(None, false, false, None, false, None, None, &[])),
        ("service", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.ServiceReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus", &[
        ("conditions", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceCondition"), true, false, None, false, Some("merge"), Some("type"), &[Cow::Borrowed("type")])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIService", &[
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), false, false, None, false, None, None, &[])),
        ("spec", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceSpec"), false, false, None, false, None, None, &[])),
        ("status", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceStatus"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceCondition", &[
        ("lastTransitionTime", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.Time"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceList", &[
        ("items", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIService"), true, false, None, false, None, None, &[])),
        ("metadata", row(Some("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceSpec", &[
        ("caBundle", row(None, false, false, None, false, None, None, &[])),
        ("service", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.ServiceReference"), false, false, None, false, None, None, &[])),
    ]),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceStatus", &[
        ("conditions", row(Some("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1beta1.APIServiceCondition"), true, false, None, false, Some("merge"), Some("type"), &[Cow::Borrowed("type")])),
    ]),
];
