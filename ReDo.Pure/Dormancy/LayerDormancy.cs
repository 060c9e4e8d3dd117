using ReDo.Pure.Collections;

namespace ReDo.Pure.Dormancy;

/// <summary>The scores of one layer's neurons and which of them are τ-dormant.</summary>
public sealed record LayerDormancy(string Layer, ValueList<double> Scores, double Tau)
{
    public IEnumerable<int> DormantNeurons => Enumerable.Range(0, Scores.Count).Where(i => DormantScore.IsDormant(Scores[i], Tau));

    public int Neurons => Scores.Count;
    public int DormantCount => DormantNeurons.Count();
    public double DormantFraction => Neurons == 0 ? 0 : (double)DormantCount / Neurons;
}
