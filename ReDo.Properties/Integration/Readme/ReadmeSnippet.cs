// README-BEGIN
using ReDo.Pure.Schedules;
using ReDo.Recycling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// Your own network: any nn.Module whose forward calls its submodules (here an actor–critic with GELU).
public sealed class ActorCritic : nn.Module<Tensor, Tensor>
{
    readonly Linear trunk = nn.Linear(8, 64), actor = nn.Linear(64, 4), critic = nn.Linear(64, 1);
    readonly GELU act = nn.GELU();

    public ActorCritic() : base("actor_critic") => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var h = act.call(trunk.call(x));                                    // both heads read the trunk
        return cat([actor.call(h), critic.call(h)], 1);
    }
}

public static class TrainingLoop
{
    public static double Run()
    {
        using var model = new ActorCritic();
        using var adam = optim.Adam(model.parameters(), lr: 6.25e-5, eps: 1.5e-4);
        var settings = new RecyclerSettings(new RecycleSchedule(Period: 1000), Tau: 0.1, Seed: 42);
        using var recycler = new NeuronRecycler(model, adam, settings);    // finds the layers on the first probe
        double lastDormantFraction = double.NaN;

        for (long step = 1; step <= 2000; step++)
        {
            using (var scope = NewDisposeScope())                           // your usual update
            {
                adam.zero_grad();
                nn.functional.huber_loss(model.call(randn(32, 8)), randn(32, 5)).backward();
                adam.step();
            }
            using var probe = randn(64, 8);                                 // a probe batch from your replay buffer
            var done = recycler.MaybeUpdateWeights(step, probe);            // recycles every 1000 steps, else returns at once
            if (done.Recycled)
            {
                Console.WriteLine($"step {step}: {done.Dormancy!.OverallFraction:P1} dormant, " +
                                  $"recycled {done.Outcome!.Total}, |Δ output| {done.Outcome.MaxOutputChange:G3}");
                lastDormantFraction = done.Dormancy.OverallFraction;
            }
        }
        return lastDormantFraction;
    }
}
// README-END
