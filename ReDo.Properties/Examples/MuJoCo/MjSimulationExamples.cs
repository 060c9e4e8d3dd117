using System.Diagnostics;
using ReDo.Shell.MuJoCo;
using Xunit;

namespace ReDo.Properties.Examples.MuJoCo;

/// <summary>The P/Invoke binding of libmujoco 2.2.2: layout, load, step, reset, determinism, errors.</summary>
public class MjSimulationExamples
{
    // A model whose every number the tests know: a free box (mass 2.5), a hinged arm (ref 0.3 → qpos0),
    // two motors with asymmetric ranges, timestep 0.004.
    internal const string KnownModel = """
        <mujoco model="known">
          <compiler angle="radian"/>
          <option timestep="0.004" gravity="0 0 -9.81"/>
          <worldbody>
            <body name="box" pos="0 0 5">
              <freejoint name="free"/>
              <geom type="box" size="0.1 0.2 0.3" mass="2.5" contype="0" conaffinity="0"/>
            </body>
            <body name="arm" pos="3 0 1">
              <joint name="hinge" type="hinge" axis="0 1 0" ref="0.3"/>
              <geom type="capsule" fromto="0 0 0 0.5 0 0" size="0.05" mass="0.75" contype="0" conaffinity="0"/>
            </body>
          </worldbody>
          <actuator>
            <motor joint="hinge" ctrlrange="-0.3 0.7" ctrllimited="true" gear="2"/>
            <motor joint="hinge" ctrlrange="-4 1" ctrllimited="true"/>
          </actuator>
        </mujoco>
        """;

    [MuJoCoHeadersFact]
    public void The_committed_layout_is_what_the_installed_headers_say()
    {
        var root = RepoRoot.Find();
        var dir = Directory.CreateTempSubdirectory("redo-mjlayout-");
        try
        {
            var exe = Path.Combine(dir.FullName, "layout");
            Run("gcc", $"-std=c11 -o {exe} {Path.Combine(root, "tools", "mujoco-layout", "layout.c")}");
            var generated = Run(exe, "");
            var committed = File.ReadAllText(Path.Combine(root, "ReDo.Shell", "MuJoCo", "MjLayout.g.cs"));
            Assert.Equal(generated, committed);
        }
        finally { dir.Delete(recursive: true); }
    }

    static string Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {args} failed: {stderr}");
        return stdout;
    }

    [MuJoCoFact]
    public void Loading_reads_sizes_masses_ranges_and_the_timestep_the_model_declares()
    {
        using var sim = MjSimulation.FromXml(KnownModel);
        Assert.Equal((8, 7, 2, 0, 3), (sim.Nq, sim.Nv, sim.Nu, sim.Na, sim.Nbody));
        Assert.Equal(0.004, sim.Timestep);
        Assert.Equal([0.0, 2.5, 0.75], sim.BodyMass.ToArray());
        Assert.Equal([-0.3, 0.7, -4.0, 1.0], sim.CtrlRange.ToArray());
        Assert.True(sim.CtrlLimited(0) && sim.CtrlLimited(1));
        Assert.Equal([0, 0, 5, 1, 0, 0, 0, 0.3], sim.Qpos0.ToArray());
    }

    [MuJoCoFact]
    public void A_free_fall_step_follows_semi_implicit_euler_exactly_and_forward_places_the_bodies()
    {
        using var sim = MjSimulation.FromXml(KnownModel);
        sim.Reset();
        sim.Forward();
        Assert.Equal([0, 0, 5], sim.Xpos.Slice(3, 3).ToArray());
        Assert.Equal([3, 0, 1], sim.Xpos.Slice(6, 3).ToArray());
        sim.Step(10);
        // v_k = −g·k·dt and z_k = z_0 − g·dt²·k(k+1)/2 (MuJoCo's default integrator is semi-implicit Euler).
        Assert.Equal(-9.81 * 10 * 0.004, sim.Qvel[2], 12);
        Assert.Equal(5 - 9.81 * 0.004 * 0.004 * 55, sim.Qpos[2], 12);
        Assert.Equal(0.04, sim.Time, 12);
    }

    [MuJoCoFact]
    public void Reset_returns_to_qpos0_with_zero_velocity_control_and_time()
    {
        using var sim = MjSimulation.FromXml(KnownModel);
        sim.Ctrl[0] = 0.5;
        sim.Step(50);
        Assert.NotEqual(0.3, sim.Qpos[7]);
        sim.Reset();
        Assert.Equal(sim.Qpos0.ToArray(), sim.Qpos.ToArray());
        Assert.All(sim.Qvel.ToArray(), v => Assert.Equal(0.0, v));
        Assert.All(sim.Ctrl.ToArray(), v => Assert.Equal(0.0, v));
        Assert.Equal(0.0, sim.Time);
    }

    [MuJoCoFact]
    public void Controls_drive_the_hinge_through_the_gear_and_are_clamped_to_their_range()
    {
        using var a = MjSimulation.FromXml(KnownModel);
        using var b = MjSimulation.FromXml(KnownModel);
        a.Ctrl[0] = 0.7;  // at the bound
        b.Ctrl[0] = 5.0;  // clamped to 0.7 by ctrllimited
        a.Step(20); b.Step(20);
        Assert.Equal(a.Qpos.ToArray(), b.Qpos.ToArray());
        Assert.True(a.Qvel[6] != 0 && a.QfrcActuator[6] == 0.7 * 2);
    }

    [MuJoCoFact]
    public void The_same_seed_gives_the_same_trajectory_bit_for_bit()
    {
        var first = Trajectory(seed: 5);
        Assert.Equal(first, Trajectory(seed: 5));
        Assert.NotEqual(first, Trajectory(seed: 6));

        static double[] Trajectory(int seed)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "MuJoCo", "Models", "hopper.xml");
            using var sim = MjSimulation.Load(path);
            var random = new Random(seed);
            var trace = new List<double>();
            for (int episode = 0; episode < 2; episode++)
            {
                sim.Reset();
                for (int t = 0; t < 300; t++)
                {
                    for (int u = 0; u < sim.Nu; u++) sim.Ctrl[u] = random.NextDouble() * 2 - 1;
                    sim.Step(4);
                    trace.AddRange(sim.Qpos.ToArray());
                    trace.AddRange(sim.Qvel.ToArray());
                }
            }
            return trace.ToArray();
        }
    }

    [MuJoCoFact]
    public void A_bad_model_gives_mujocos_own_error_text()
    {
        var bad = Assert.Throws<MuJoCoModelException>(() => MjSimulation.FromXml("<mujoco><worldbody><body><geom type=\"nosuchshape\"/></body></worldbody></mujoco>"));
        Assert.Contains("MuJoCo refused the model", bad.Message);
        Assert.Contains("nosuchshape", bad.Message);
        var broken = Assert.Throws<MuJoCoModelException>(() => MjSimulation.FromXml("<mujoco><worldbody>"));
        Assert.Contains("XML", broken.Message);
        var missing = Assert.Throws<MuJoCoModelException>(() => MjSimulation.Load("/no/such/model.xml"));
        Assert.Contains("does not exist", missing.Message);
    }
}
