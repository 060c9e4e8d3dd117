using ReDo.Pure.Metrics;

namespace ReDo.Shell.Metrics;

/// <summary>Where a training run sends one row per logging interval (metrics.csv, TensorBoard, …).</summary>
public interface IMetricsSink
{
    void Write(MetricsRow row);
}
