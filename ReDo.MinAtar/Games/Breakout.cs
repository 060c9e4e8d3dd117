using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.MinAtar.Games;

/// <summary>Breakout (docs/specs/minatar-spec.md §5): a paddle in row 9, a diagonal ball and three rows of bricks.</summary>
public sealed class Breakout : IGame
{
    // Ball directions: 0 up-left, 1 up-right, 2 down-right, 3 down-left. The turn tables of docs/specs/minatar-spec.md §5
    // ([1,0,3,2], [3,2,1,0], [2,3,0,1]) are bit tricks on this numbering (array constants would allocate in Debug builds).
    static int DirX(int dir) => dir is 1 or 2 ? 1 : -1;
    static int DirY(int dir) => dir < 2 ? -1 : 1;
    static int FlipX(int dir) => dir ^ 1;
    static int FlipY(int dir) => 3 - dir;
    static int Reverse(int dir) => dir ^ 2;

    static readonly UInt128 BrickRows = Grid.Rows(1, 3);

    int _ballX, _ballY, _dir, _paddle, _lastX, _lastY;
    UInt128 _bricks;
    bool _strike, _terminal;

    public GameInfo Info => GameInfo.Of(GameId.Breakout);
    public bool IsTerminal => _terminal;
    public int? DifficultyRamp => null;

    public void Reset(RandomState random)
    {
        _ballY = 3;
        if (random.RandInt(2) == 0) { _ballX = 0; _dir = 2; }
        else { _ballX = 9; _dir = 3; }
        _paddle = 4;
        _bricks = BrickRows;
        _strike = false;
        _lastX = _ballX; _lastY = _ballY;
        _terminal = false;
    }

    public StepResult Step(GameAction action, RandomState random)
    {
        if (_terminal) return new(0, true);
        var reward = 0;
        if (action == GameAction.Left) _paddle = Math.Max(0, _paddle - 1);
        else if (action == GameAction.Right) _paddle = Math.Min(9, _paddle + 1);

        _lastX = _ballX; _lastY = _ballY;
        var newX = _ballX + DirX(_dir);
        var newY = _ballY + DirY(_dir);
        var strikeToggle = false;
        if (newX is < 0 or > 9)
        {
            newX = Math.Clamp(newX, 0, 9);
            _dir = FlipX(_dir);
        }
        if (newY < 0)
        {
            newY = 0;
            _dir = FlipY(_dir);
        }
        else if (Grid.Has(_bricks, newX, newY))
        {
            strikeToggle = true;
            // A second consecutive contact passes into the brick cell without breaking it (quirk).
            if (!_strike)
            {
                reward++;
                _strike = true;
                _bricks &= ~Grid.Bit(newX, newY);
                newY = _lastY;
                _dir = FlipY(_dir);
            }
        }
        else if (newY == 9)
        {
            if (_bricks == UInt128.Zero) _bricks = BrickRows;
            if (_paddle == _ballX)
            {
                _dir = FlipY(_dir);
                newY = _lastY;
            }
            else if (_paddle == newX)
            {
                _dir = Reverse(_dir);
                newY = _lastY;
            }
            else _terminal = true;
        }
        if (!strikeToggle) _strike = false;
        _ballX = newX; _ballY = newY;
        return new(reward, _terminal);
    }

    public void Render(ref ObservationPlanes planes)
    {
        planes.Set(1, _ballX, _ballY);
        planes.Set(0, _paddle, 9);
        planes.Set(2, _lastX, _lastY);
        planes.Or(3, _bricks);
    }

    public void Save(StateWriter w)
    {
        w.Add(_ballX); w.Add(_ballY); w.Add(_dir); w.Add(_paddle); w.Add(_lastX); w.Add(_lastY);
        w.Add(_bricks); w.Add(_strike); w.Add(_terminal);
    }

    public void Load(ref StateReader r)
    {
        _ballX = r.Int(); _ballY = r.Int(); _dir = r.Int(); _paddle = r.Int(); _lastX = r.Int(); _lastY = r.Int();
        _bricks = r.Cells(); _strike = r.Flag(); _terminal = r.Flag();
    }
}
