using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.MinAtar.Games;

/// <summary>Asterix (docs/specs/minatar-spec.md §4): dodge enemies, collect gold; spawn and move speeds ramp every 102 steps.</summary>
public sealed class Asterix(bool ramping) : IGame
{
    const int RampInterval = 100, InitSpawnSpeed = 10, InitMoveInterval = 5, Slots = 8;

    /// <summary>Slot i lives in row i + 1.</summary>
    struct Entity
    {
        public bool Present, MovesRight, IsGold;
        public int X;
    }

    readonly Entity[] _slots = new Entity[Slots];
    int _x, _y, _spawnSpeed, _spawnTimer, _moveSpeed, _moveTimer, _rampTimer, _rampIndex;
    bool _terminal;

    public GameInfo Info => GameInfo.Of(GameId.Asterix);
    public bool IsTerminal => _terminal;
    public int? DifficultyRamp => _rampIndex;

    public void Reset(RandomState random)
    {
        _x = 5; _y = 5;
        Array.Clear(_slots);
        _spawnSpeed = InitSpawnSpeed; _spawnTimer = InitSpawnSpeed;
        _moveSpeed = InitMoveInterval; _moveTimer = InitMoveInterval;
        _rampTimer = RampInterval; _rampIndex = 0;
        _terminal = false;
    }

    public StepResult Step(GameAction action, RandomState random)
    {
        if (_terminal) return new(0, true);
        var reward = 0;
        if (_spawnTimer == 0)
        {
            Spawn(random);
            _spawnTimer = _spawnSpeed;
        }
        switch (action)
        {
            case GameAction.Left: _x = Math.Max(0, _x - 1); break;
            case GameAction.Right: _x = Math.Min(9, _x + 1); break;
            case GameAction.Up: _y = Math.Max(1, _y - 1); break;
            case GameAction.Down: _y = Math.Min(8, _y + 1); break;
        }
        // Slot i lives in row i + 1, so only the slot of the player's row can touch the player:
        // checking that one slot is docs/specs/minatar-spec.md §4's pass over all slots.
        var playerSlot = _y - 1;
        reward += Touch(playerSlot);
        if (_moveTimer == 0)
        {
            _moveTimer = _moveSpeed;
            for (var i = 0; i < Slots; i++)
            {
                ref var e = ref _slots[i];
                if (!e.Present) continue;
                e.X += e.MovesRight ? 1 : -1;
                if (e.X is < 0 or > 9) e.Present = false;
            }
            reward += Touch(playerSlot);
        }
        _spawnTimer--;
        _moveTimer--;
        if (ramping && (_spawnSpeed > 1 || _moveSpeed > 1)) Ramp();
        return new(reward, _terminal);
    }

    /// <summary>Contact of slot i (the player's row) with the player: gold is collected, an enemy ends the game (and stays).</summary>
    int Touch(int i)
    {
        ref var e = ref _slots[i];
        if (!e.Present || e.X != _x) return 0;
        if (!e.IsGold)
        {
            _terminal = true;
            return 0;
        }
        e.Present = false;
        return 1;
    }

    void Spawn(RandomState random)
    {
        // Both draws are made before looking for a free slot.
        var movesRight = random.Rand() < 1.0 / 2;
        var isGold = random.Rand() < 1.0 / 3;
        var free = 0;
        foreach (var e in _slots)
            if (!e.Present) free++;
        if (free == 0) return;
        // The n-th free slot in ascending order (randint(1) draws nothing).
        var n = random.RandInt(free);
        var slot = 0;
        while (_slots[slot].Present || n-- > 0) slot++;
        _slots[slot] = new Entity { Present = true, X = movesRight ? 0 : 9, MovesRight = movesRight, IsGold = isGold };
    }

    void Ramp()
    {
        if (_rampTimer >= 0)
        {
            _rampTimer--;
            return;
        }
        // The odd test reads the index before it is incremented.
        if (_moveSpeed > 1 && _rampIndex % 2 == 1) _moveSpeed--;
        if (_spawnSpeed > 1) _spawnSpeed--;
        _rampIndex++;
        _rampTimer = RampInterval;
    }

    public void Render(ref ObservationPlanes planes)
    {
        planes.Set(0, _x, _y);
        for (var i = 0; i < Slots; i++)
        {
            var e = _slots[i];
            if (!e.Present) continue;
            planes.Set(e.IsGold ? 3 : 1, e.X, i + 1);
            var trail = e.MovesRight ? e.X - 1 : e.X + 1;
            if (Grid.Contains(trail, i + 1)) planes.Set(2, trail, i + 1);
        }
    }

    public void Save(StateWriter w)
    {
        w.Add(_x); w.Add(_y);
        foreach (var e in _slots)
        {
            w.Add(e.Present); w.Add(e.X); w.Add(e.MovesRight); w.Add(e.IsGold);
        }
        w.Add(_spawnSpeed); w.Add(_spawnTimer); w.Add(_moveSpeed); w.Add(_moveTimer);
        w.Add(_rampTimer); w.Add(_rampIndex); w.Add(_terminal);
    }

    public void Load(ref StateReader r)
    {
        _x = r.Int(); _y = r.Int();
        for (var i = 0; i < Slots; i++)
            _slots[i] = new Entity { Present = r.Flag(), X = r.Int(), MovesRight = r.Flag(), IsGold = r.Flag() };
        _spawnSpeed = r.Int(); _spawnTimer = r.Int(); _moveSpeed = r.Int(); _moveTimer = r.Int();
        _rampTimer = r.Int(); _rampIndex = r.Int(); _terminal = r.Flag();
    }
}
