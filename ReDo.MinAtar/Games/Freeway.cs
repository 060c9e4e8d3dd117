using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.MinAtar.Games;

/// <summary>Freeway (docs/specs/minatar-spec.md §6): the chicken crosses eight lanes of cars; 2,501 steps per episode.</summary>
public sealed class Freeway : IGame
{
    const int PlayerSpeed = 3, TimeLimit = 2500, Cars = 8, ChickenX = 4;

    /// <summary>Car i drives in row i + 1.</summary>
    struct Car
    {
        public int X, Timer, Speed;
    }

    readonly Car[] _cars = new Car[Cars];
    int _row, _moveTimer, _terminateTimer;
    bool _terminal;

    public GameInfo Info => GameInfo.Of(GameId.Freeway);
    public bool IsTerminal => _terminal;
    public int? DifficultyRamp => null;

    public void Reset(RandomState random)
    {
        Randomize(random, init: true);
        _row = 9;
        _moveTimer = PlayerSpeed;
        _terminateTimer = TimeLimit;
        _terminal = false;
    }

    /// <summary>All eight speeds are drawn first, then eight directions; without init the cars keep their x.</summary>
    void Randomize(RandomState random, bool init)
    {
        Span<int> speeds = stackalloc int[Cars];
        random.RandInt(1, 6, speeds);
        for (var i = 0; i < Cars; i++)
        {
            // sign(rand() − 0.5): exactly 0.5 gives a standing car, as in the original.
            var speed = speeds[i] * Math.Sign(random.Rand() - 0.5);
            ref var car = ref _cars[i];
            if (init) car.X = 0;
            car.Timer = Math.Abs(speed);
            car.Speed = speed;
        }
    }

    public StepResult Step(GameAction action, RandomState random)
    {
        if (_terminal) return new(0, true);
        var reward = 0;
        if (action == GameAction.Up && _moveTimer == 0)
        {
            _moveTimer = PlayerSpeed;
            _row = Math.Max(0, _row - 1);
        }
        else if (action == GameAction.Down && _moveTimer == 0)
        {
            _moveTimer = PlayerSpeed;
            _row = Math.Min(9, _row + 1);
        }
        if (_row == 0)
        {
            reward++;
            Randomize(random, init: false);
            _row = 9;
        }
        for (var i = 0; i < Cars; i++)
        {
            ref var car = ref _cars[i];
            if (Hits(car, i)) _row = 9;
            if (car.Timer == 0)
            {
                car.Timer = Math.Abs(car.Speed);
                car.X = Wrap(car.X + Math.Sign(car.Speed));
                if (Hits(car, i)) _row = 9;
            }
            else car.Timer--;
        }
        if (_moveTimer > 0) _moveTimer--;
        _terminateTimer--;
        if (_terminateTimer < 0) _terminal = true;
        return new(reward, _terminal);
    }

    bool Hits(in Car car, int i) => car.X == ChickenX && i + 1 == _row;

    static int Wrap(int x) => x < 0 ? 9 : x > 9 ? 0 : x;

    public void Render(ref ObservationPlanes planes)
    {
        planes.Set(0, ChickenX, _row);
        for (var i = 0; i < Cars; i++)
        {
            var car = _cars[i];
            planes.Set(1, car.X, i + 1);
            var trail = Wrap(car.Speed > 0 ? car.X - 1 : car.X + 1);
            planes.Set(1 + Math.Abs(car.Speed), trail, i + 1);
        }
    }

    public void Save(StateWriter w)
    {
        foreach (var car in _cars)
        {
            w.Add(car.X); w.Add(car.Timer); w.Add(car.Speed);
        }
        w.Add(_row); w.Add(_moveTimer); w.Add(_terminateTimer); w.Add(_terminal);
    }

    public void Load(ref StateReader r)
    {
        for (var i = 0; i < Cars; i++)
            _cars[i] = new Car { X = r.Int(), Timer = r.Int(), Speed = r.Int() };
        _row = r.Int(); _moveTimer = r.Int(); _terminateTimer = r.Int(); _terminal = r.Flag();
    }
}
