using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.MinAtar.Games;

/// <summary>
/// Space Invaders (docs/specs/minatar-spec.md §8): a cannon in row 9 against a 4 × 6 alien block. Aliens and bullets are
/// bitboards, which makes every sweep of the original's boolean maps a shift or a mask.
/// </summary>
public sealed class SpaceInvaders(bool ramping) : IGame
{
    const int ShotCoolDown = 5, EnemyMoveInterval = 12, EnemyShotInterval = 10, MinMoveInterval = 6;

    static readonly UInt128 AlienBlock = Block();
    static readonly UInt128 Column0 = Grid.Column(0), Column9 = Grid.Column(9), Row9 = Grid.Rows(9, 9);

    int _cannon, _moveInterval, _alienMoveTimer, _alienShotTimer, _shotTimer, _rampIndex;
    bool _movingRight, _terminal;
    UInt128 _aliens, _friendlyBullets, _enemyBullets;

    public GameInfo Info => GameInfo.Of(GameId.SpaceInvaders);
    public bool IsTerminal => _terminal;
    public int? DifficultyRamp => _rampIndex;

    public void Reset(RandomState random)
    {
        _cannon = 5;
        _aliens = AlienBlock;
        _friendlyBullets = 0; _enemyBullets = 0;
        _movingRight = false;
        _moveInterval = EnemyMoveInterval; _alienMoveTimer = EnemyMoveInterval;
        _alienShotTimer = EnemyShotInterval; _shotTimer = 0; _rampIndex = 0;
        _terminal = false;
    }

    public StepResult Step(GameAction action, RandomState random)
    {
        if (_terminal) return new(0, true);
        if (action == GameAction.Fire && _shotTimer == 0)
        {
            _friendlyBullets |= Grid.Bit(_cannon, 9);
            _shotTimer = ShotCoolDown;
        }
        else if (action == GameAction.Left) _cannon = Math.Max(0, _cannon - 1);
        else if (action == GameAction.Right) _cannon = Math.Min(9, _cannon + 1);

        _friendlyBullets >>= Grid.Size; // up one row; row 0 falls off
        _enemyBullets = (_enemyBullets << Grid.Size) & Grid.Full; // down one row; row 9 falls off
        var cannonCell = Grid.Bit(_cannon, 9);
        if ((_enemyBullets & cannonCell) != 0) _terminal = true;

        if ((_aliens & cannonCell) != 0) _terminal = true;
        if (_alienMoveTimer == 0)
        {
            MoveAliens();
            if ((_aliens & cannonCell) != 0) _terminal = true;
        }
        if (_alienShotTimer == 0)
        {
            _alienShotTimer = EnemyShotInterval;
            _enemyBullets |= Shooter();
        }
        // Only post-move cells are compared: a bullet and an alien may swap cells unharmed.
        var hits = _aliens & _friendlyBullets;
        var reward = Grid.Count(hits);
        _aliens &= ~hits;
        _friendlyBullets &= ~hits;

        if (_shotTimer > 0) _shotTimer--;
        _alienMoveTimer--;
        _alienShotTimer--;
        if (_aliens == 0)
        {
            if (ramping && _moveInterval > MinMoveInterval)
            {
                _moveInterval--;
                _rampIndex++;
            }
            _aliens = AlienBlock;
        }
        return new(reward, _terminal);
    }

    void MoveAliens()
    {
        _alienMoveTimer = Math.Min(Grid.Count(_aliens), _moveInterval);
        if (((_aliens & Column0) != 0 && !_movingRight) || ((_aliens & Column9) != 0 && _movingRight))
        {
            _movingRight = !_movingRight;
            if ((_aliens & Row9) != 0) _terminal = true;
            // Cyclic: an alien in row 9 reappears in row 0 (seen only on that terminal step).
            _aliens = ((_aliens << Grid.Size) & Grid.Full) | (_aliens >> (Grid.Cells - Grid.Size));
        }
        else _aliens = _movingRight ? _aliens << 1 : _aliens >> 1; // the edge test keeps rows from mixing
    }

    /// <summary>The lowest alien of the occupied column nearest the cannon (ties: the smaller column).</summary>
    UInt128 Shooter()
    {
        var best = -1;
        for (var x = 0; x < Grid.Size; x++)
            if ((_aliens & Grid.Column(x)) != 0 && (best < 0 || Math.Abs(x - _cannon) < Math.Abs(best - _cannon)))
                best = x;
        for (var y = Grid.Size - 1; y >= 0; y--)
            if (Grid.Has(_aliens, best, y)) return Grid.Bit(best, y);
        return 0;
    }

    static UInt128 Block()
    {
        UInt128 cells = 0;
        for (var y = 0; y <= 3; y++)
            for (var x = 2; x <= 7; x++) cells |= Grid.Bit(x, y);
        return cells;
    }

    public void Render(ref ObservationPlanes planes)
    {
        planes.Set(0, _cannon, 9);
        planes.Or(1, _aliens);
        planes.Or(_movingRight ? 3 : 2, _aliens);
        planes.Or(4, _friendlyBullets);
        planes.Or(5, _enemyBullets);
    }

    public void Save(StateWriter w)
    {
        w.Add(_cannon); w.Add(_moveInterval); w.Add(_alienMoveTimer); w.Add(_alienShotTimer); w.Add(_shotTimer);
        w.Add(_rampIndex); w.Add(_movingRight); w.Add(_terminal);
        w.Add(_aliens); w.Add(_friendlyBullets); w.Add(_enemyBullets);
    }

    public void Load(ref StateReader r)
    {
        _cannon = r.Int(); _moveInterval = r.Int(); _alienMoveTimer = r.Int(); _alienShotTimer = r.Int(); _shotTimer = r.Int();
        _rampIndex = r.Int(); _movingRight = r.Flag(); _terminal = r.Flag();
        _aliens = r.Cells(); _friendlyBullets = r.Cells(); _enemyBullets = r.Cells();
    }
}
