using ReDo.Shell.Agents;

namespace ReDo.Shell.Runs;

/// <summary>
/// train / resume / run-spec on the generic host: progress on stdout, a halted run (NaN loss, full
/// disk) as one message on stderr with exit code 1; a finished or gracefully stopped run exits 0.
/// </summary>
public static class HostedTraining
{
    public static int Run(Func<TextWriter, CancellationToken, TrainingSummary> train) =>
        TrainingHost.Run((token, _) =>
        {
            try
            {
                train(Console.Out, token);
                return 0;
            }
            catch (RunHaltedException e)
            {
                Console.Error.WriteLine($"redo: {e.Message}");
                return 1;
            }
            catch (NativeFailureException e)
            {
                Console.Error.WriteLine($"redo: {e.Message}; automatic restarts used up (Run:MaxRestarts). Continue with: redo resume <run folder>\n{e.InnerException}");
                return 1;
            }
            catch (DiskFullException e)
            {
                Console.Error.WriteLine($"redo: {e.Message}; no checkpoint was lost. Free some space and run the command again.");
                return 1;
            }
        });
}
