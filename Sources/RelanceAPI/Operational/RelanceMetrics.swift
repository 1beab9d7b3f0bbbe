import Metrics
import Prometheus
import RelancePipeline

/// The process's metrics backend: swift-metrics bootstrapped once with a Prometheus registry,
/// which `/metrics` serves in the text exposition format.
public enum RelanceMetrics {
    /// Every figure the process records, whatever wrote it (the pipeline, the HTTP server).
    public static let registry = PrometheusCollectorRegistry()

    /// Bootstraps swift-metrics with `registry`; safe to call more than once (tests do).
    public static func bootstrap() {
        _ = bootstrapped
    }

    private static let bootstrapped: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [
            PipelineMetrics.latenessSeconds: PipelineMetrics.latenessBuckets,
            PipelineMetrics.handlingSeconds: PipelineMetrics.handlingBuckets,
        ]
        // Libraries name their figures with dots (Hummingbird's "http.server.requests"):
        // Prometheus allows letters, digits, underscores and colons.
        factory.nameAndLabelSanitizer = { name, labels in
            (prometheusName(name), labels.map { (prometheusName($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
    }()

    static func prometheusName(_ name: String) -> String {
        var result = ""
        for (index, character) in name.unicodeScalars.enumerated() {
            let allowed = ("a"..."z").contains(character) || ("A"..."Z").contains(character) || character == "_" || character == ":"
                || (index > 0 && ("0"..."9").contains(character))
            result.unicodeScalars.append(allowed ? character : "_")
        }
        return result
    }

    /// The registry's figures in Prometheus's text format.
    public static func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
