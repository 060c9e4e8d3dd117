using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.MinAtar.Games;

/// <summary>
/// Seaquest (docs/specs/minatar-spec.md §7): shoot fish and enemy subs, collect divers, surface before the oxygen runs out.
/// Objects live in lists in creation order and are walked newest first, as in the original.
/// </summary>
public sealed class Seaquest(bool ramping) : IGame
{
    const int MaxOxygen = 200, InitSpawnSpeed = 20, DiverSpawnSpeed = 30, InitMoveInterval = 5,
        ShotCoolDown = 5, EnemyShotInterval = 10, DiverMoveInterval = 5, MaxDivers = 6, ListCapacity = 64;

    interface IOnCell
    {
        int X { get; }
        int Y { get; }
    }

    /// <summary>A bullet (friendly or enemy).</summary>
    record struct Bullet(int X, int Y, bool Right) : IOnCell;

    /// <summary>A fish, enemy sub or diver; only subs use the shot timer.</summary>
    record struct Swimmer(int X, int Y, bool Right, int MoveTimer, int ShotTimer) : IOnCell;

    readonly List<Bullet> _friendlyBullets = new(ListCapacity), _enemyBullets = new(ListCapacity);
    readonly List<Swimmer> _fish = new(ListCapacity), _subs = new(ListCapacity), _divers = new(ListCapacity);
    int _oxygen, _diverCount, _subX, _subY, _spawnSpeed, _spawnTimer, _diverSpawnTimer, _moveSpeed, _rampIndex, _shotTimer;
    bool _facingRight, _surface, _terminal;

    public GameInfo Info => GameInfo.Of(GameId.Seaquest);
    public bool IsTerminal => _terminal;
    public int? DifficultyRamp => _rampIndex;

    public void Reset(RandomState random)
    {
        _oxygen = MaxOxygen; _diverCount = 0;
        _subX = 5; _subY = 0; _facingRight = false;
        _friendlyBullets.Clear(); _enemyBullets.Clear(); _fish.Clear(); _subs.Clear(); _divers.Clear();
        _spawnSpeed = InitSpawnSpeed; _spawnTimer = InitSpawnSpeed; _diverSpawnTimer = DiverSpawnSpeed;
        _moveSpeed = InitMoveInterval; _rampIndex = 0; _shotTimer = 0;
        _surface = true; _terminal = false;
    }

    public StepResult Step(GameAction action, RandomState random)
    {
        if (_terminal) return new(0, true);
        var reward = 0;
        if (_spawnTimer == 0)
        {
            SpawnEnemy(random);
            _spawnTimer = _spawnSpeed;
        }
        if (_diverSpawnTimer == 0)
        {
            SpawnDiver(random);
            _diverSpawnTimer = DiverSpawnSpeed;
        }
        Act(action);
        reward += MoveFriendlyBullets();
        MoveDivers();
        reward += MoveEnemies(_subs, shoots: true);
        MoveEnemyBullets();
        reward += MoveEnemies(_fish, shoots: false);
        if (_spawnTimer > 0) _spawnTimer--;
        if (_diverSpawnTimer > 0) _diverSpawnTimer--;
        if (_shotTimer > 0) _shotTimer--;
        if (_oxygen <= 0) _terminal = true;
        if (_subY > 0)
        {
            _oxygen--;
            _surface = false;
        }
        else if (!_surface)
        {
            if (_diverCount == 0) _terminal = true;
            else reward += Surface();
        }
        return new(reward, _terminal);
    }

    void SpawnEnemy(RandomState random)
    {
        // All three draws happen even when the spawn is then aborted.
        var right = random.Rand() < 1.0 / 2;
        var isSub = random.Rand() < 1.0 / 3;
        var y = random.RandInt(1, 9);
        if (OpposingInRow(_subs, y, right) || OpposingInRow(_fish, y, right)) return;
        var x = right ? 0 : 9;
        if (isSub) _subs.Add(new(x, y, right, _moveSpeed, EnemyShotInterval));
        else _fish.Add(new(x, y, right, _moveSpeed, 0));
    }

    static bool OpposingInRow(List<Swimmer> enemies, int y, bool right)
    {
        foreach (var e in enemies)
            if (e.Y == y && e.Right != right) return true;
        return false;
    }

    void SpawnDiver(RandomState random)
    {
        var right = random.Rand() < 1.0 / 2;
        var y = random.RandInt(1, 9);
        _divers.Add(new(right ? 0 : 9, y, right, DiverMoveInterval, 0));
    }

    void Act(GameAction action)
    {
        if (action == GameAction.Fire && _shotTimer == 0)
        {
            _friendlyBullets.Add(new(_subX, _subY, _facingRight));
            _shotTimer = ShotCoolDown;
        }
        else if (action == GameAction.Left) { _subX = Math.Max(0, _subX - 1); _facingRight = false; }
        else if (action == GameAction.Right) { _subX = Math.Min(9, _subX + 1); _facingRight = true; }
        else if (action == GameAction.Up) _subY = Math.Max(0, _subY - 1);
        else if (action == GameAction.Down) _subY = Math.Min(8, _subY + 1);
    }

    int MoveFriendlyBullets()
    {
        var reward = 0;
        var bullets = _friendlyBullets;
        for (var i = bullets.Count - 1; i >= 0 && i < bullets.Count; i--)
        {
            var b = bullets[i];
            b = b with { X = b.X + (b.Right ? 1 : -1) };
            bullets[i] = b;
            if (!Grid.Contains(b.X, b.Y))
            {
                RemoveByValue(bullets, b);
                continue;
            }
            var hit = IndexAt(_fish, b.X, b.Y);
            var target = _fish;
            if (hit < 0)
            {
                hit = IndexAt(_subs, b.X, b.Y);
                target = _subs;
            }
            if (hit < 0) continue;
            target.RemoveAt(hit);
            RemoveByValue(bullets, b);
            reward++;
        }
        return reward;
    }

    void MoveDivers()
    {
        var divers = _divers;
        for (var i = divers.Count - 1; i >= 0 && i < divers.Count; i--)
        {
            var d = divers[i];
            if (OnSub(d.X, d.Y) && _diverCount < MaxDivers)
            {
                RemoveByValue(divers, d);
                _diverCount++;
                continue;
            }
            if (d.MoveTimer != 0)
            {
                divers[i] = d with { MoveTimer = d.MoveTimer - 1 };
                continue;
            }
            d = d with { MoveTimer = DiverMoveInterval, X = d.X + (d.Right ? 1 : -1) };
            divers[i] = d;
            if (!Grid.Contains(d.X, d.Y)) RemoveByValue(divers, d);
            else if (OnSub(d.X, d.Y) && _diverCount < MaxDivers)
            {
                RemoveByValue(divers, d);
                _diverCount++;
            }
        }
    }

    /// <summary>Fish and enemy subs: contact, reload-on-zero movement, bullet hits; subs then shoot, even when just destroyed.</summary>
    int MoveEnemies(List<Swimmer> enemies, bool shoots)
    {
        var reward = 0;
        for (var i = enemies.Count - 1; i >= 0 && i < enemies.Count; i--)
        {
            var e = enemies[i];
            var at = i;
            if (OnSub(e.X, e.Y)) _terminal = true;
            if (e.MoveTimer == 0)
            {
                e = e with { MoveTimer = _moveSpeed, X = e.X + (e.Right ? 1 : -1) };
                enemies[at] = e;
                if (!Grid.Contains(e.X, e.Y)) at = Remove(enemies, e, at);
                else if (OnSub(e.X, e.Y)) _terminal = true;
                else
                {
                    var hit = IndexAt(_friendlyBullets, e.X, e.Y);
                    if (hit >= 0)
                    {
                        _friendlyBullets.RemoveAt(hit);
                        at = Remove(enemies, e, at);
                        reward++;
                    }
                }
            }
            else
            {
                e = e with { MoveTimer = e.MoveTimer - 1 };
                enemies[at] = e;
            }
            if (!shoots) continue;
            if (e.ShotTimer == 0)
            {
                e = e with { ShotTimer = EnemyShotInterval };
                _enemyBullets.Add(new(e.X, e.Y, e.Right));
            }
            else e = e with { ShotTimer = e.ShotTimer - 1 };
            if (at >= 0) enemies[at] = e;
        }
        return reward;
    }

    void MoveEnemyBullets()
    {
        var bullets = _enemyBullets;
        for (var i = bullets.Count - 1; i >= 0 && i < bullets.Count; i--)
        {
            var b = bullets[i];
            if (OnSub(b.X, b.Y)) _terminal = true;
            b = b with { X = b.X + (b.Right ? 1 : -1) };
            bullets[i] = b;
            if (!Grid.Contains(b.X, b.Y)) RemoveByValue(bullets, b);
            else if (OnSub(b.X, b.Y)) _terminal = true;
        }
    }

    int Surface()
    {
        _surface = true;
        var bonus = 0;
        if (_diverCount == MaxDivers)
        {
            _diverCount = 0;
            bonus = _oxygen * 10 / MaxOxygen;
        }
        _oxygen = MaxOxygen;
        _diverCount--; // after a full rescue this leaves −1 (quirk kept)
        if (ramping && (_spawnSpeed > 1 || _moveSpeed > 2))
        {
            if (_moveSpeed > 2 && _rampIndex % 2 == 1) _moveSpeed--;
            if (_spawnSpeed > 1) _spawnSpeed--;
            _rampIndex++;
        }
        return bonus;
    }

    bool OnSub(int x, int y) => x == _subX && y == _subY;

    /// <summary>Index of the first object on the cell, −1 when none.</summary>
    static int IndexAt<T>(List<T> list, int x, int y) where T : struct, IOnCell
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i].X == x && list[i].Y == y) return i;
        return -1;
    }

    /// <summary>Python's <c>list.remove</c>: removes the first element equal to <paramref name="value"/>.</summary>
    static int RemoveByValue<T>(List<T> list, T value)
    {
        var index = list.IndexOf(value);
        list.RemoveAt(index);
        return index;
    }

    /// <summary>
    /// Removes by value the element at <paramref name="at"/>; returns where it now is (−1 when it was the one
    /// removed, <paramref name="at"/> − 1 when an identical earlier element went instead).
    /// </summary>
    static int Remove(List<Swimmer> list, Swimmer value, int at)
    {
        var removed = RemoveByValue(list, value);
        return removed == at ? -1 : at - 1;
    }

    public void Render(ref ObservationPlanes planes)
    {
        planes.Set(0, _subX, _subY);
        var back = _facingRight ? _subX - 1 : _subX + 1;
        if (Grid.Contains(back, _subY)) planes.Set(1, back, _subY);
        // Gauges in row 9: oxygen fills columns 0… from the left, divers columns …8 from the right.
        var oxygenCells = Math.Max(0, _oxygen) * 10 / MaxOxygen;
        planes.Or(7, Gauge(oxygenCells) << (9 * Grid.Size));
        var diverCells = Math.Max(0, _diverCount);
        planes.Or(8, Gauge(diverCells) << (9 * Grid.Size + 9 - diverCells));
        foreach (var b in _friendlyBullets) SetIfOnGrid(ref planes, 2, b.X, b.Y);
        foreach (var b in _enemyBullets) SetIfOnGrid(ref planes, 4, b.X, b.Y);
        foreach (var f in _fish) RenderSwimmer(ref planes, 5, f);
        foreach (var s in _subs) RenderSwimmer(ref planes, 6, s);
        foreach (var d in _divers) RenderSwimmer(ref planes, 9, d);
    }

    static UInt128 Gauge(int cells) => (UInt128.One << cells) - 1;

    static void RenderSwimmer(ref ObservationPlanes planes, int channel, Swimmer s)
    {
        SetIfOnGrid(ref planes, channel, s.X, s.Y);
        SetIfOnGrid(ref planes, 3, s.Right ? s.X - 1 : s.X + 1, s.Y);
    }

    static void SetIfOnGrid(ref ObservationPlanes planes, int channel, int x, int y)
    {
        if (Grid.Contains(x, y)) planes.Set(channel, x, y);
    }

    public void Save(StateWriter w)
    {
        w.Add(_oxygen); w.Add(_diverCount); w.Add(_subX); w.Add(_subY); w.Add(_facingRight);
        w.Add(_spawnSpeed); w.Add(_spawnTimer); w.Add(_diverSpawnTimer); w.Add(_moveSpeed); w.Add(_rampIndex);
        w.Add(_shotTimer); w.Add(_surface); w.Add(_terminal);
        foreach (var list in (ReadOnlySpan<List<Bullet>>)[_friendlyBullets, _enemyBullets])
        {
            w.Add(list.Count);
            foreach (var b in list) { w.Add(b.X); w.Add(b.Y); w.Add(b.Right); }
        }
        foreach (var list in (ReadOnlySpan<List<Swimmer>>)[_fish, _subs, _divers])
        {
            w.Add(list.Count);
            foreach (var s in list) { w.Add(s.X); w.Add(s.Y); w.Add(s.Right); w.Add(s.MoveTimer); w.Add(s.ShotTimer); }
        }
    }

    public void Load(ref StateReader r)
    {
        _oxygen = r.Int(); _diverCount = r.Int(); _subX = r.Int(); _subY = r.Int(); _facingRight = r.Flag();
        _spawnSpeed = r.Int(); _spawnTimer = r.Int(); _diverSpawnTimer = r.Int(); _moveSpeed = r.Int(); _rampIndex = r.Int();
        _shotTimer = r.Int(); _surface = r.Flag(); _terminal = r.Flag();
        foreach (var list in (ReadOnlySpan<List<Bullet>>)[_friendlyBullets, _enemyBullets])
        {
            list.Clear();
            for (var n = r.Int(); n > 0; n--) list.Add(new(r.Int(), r.Int(), r.Flag()));
        }
        foreach (var list in (ReadOnlySpan<List<Swimmer>>)[_fish, _subs, _divers])
        {
            list.Clear();
            for (var n = r.Int(); n > 0; n--) list.Add(new(r.Int(), r.Int(), r.Flag(), r.Int(), r.Int()));
        }
    }
}
