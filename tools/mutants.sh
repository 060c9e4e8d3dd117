#!/usr/bin/env bash
# Mutation check for the ReDo laws: each line breaks the code once, runs the law that guards it,
# and must come out red. Runs in a throw-away clone, never in your tree. ~5 minutes.
# usage: bash tools/mutants.sh
set -u
src=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d)
git clone -q "$src" "$work/repo" && cd "$work/repo" || exit 1
survivors=0
run() { # name file sed-expression test-filter
  local name="$1" file="$2" expr="$3" filter="$4"
  cp "$file" "$work/bak"
  sed -i "$expr" "$file"
  if cmp -s "$file" "$work/bak"; then echo "NOT APPLIED  $name"; survivors=$((survivors+1)); return; fi
  if dotnet test ReDo.Properties --filter "$filter" 2>&1 | grep -q 'Failed!'; then echo "killed       $name"
  else echo "SURVIVED     $name"; survivors=$((survivors+1)); fi
  cp "$work/bak" "$file"
}
dotnet build ReDo.Properties -v q >/dev/null
run "L1 skip outgoing zero (shell)" ReDo.Recycling/Recycler/TensorRecycler.cs 's/if (options.Outgoing == OutgoingInit.Zero) weight.index_fill_(1, cols, 0);/if (options.Outgoing == OutgoingInit.Zero) { }/' "FullyQualifiedName~Law1"
run "L1 skip outgoing zero (pure)" ReDo.Pure/Recycling/ReferenceRecycler.cs 's/weight\[i\] = fresh is null ? 0f : fresh\[i\];/weight[i] = fresh is null ? weight[i] : fresh[i];/' "FullyQualifiedName~Law1"
run "L2 zero every bias" ReDo.Pure/Recycling/ReferenceRecycler.cs 's/foreach (var j in lr.Neurons)$/foreach (var j in Enumerable.Range(0, layer.Neurons))/' "FullyQualifiedName~Law2"
run "L3 normalise by sum" ReDo.Pure/Dormancy/DormantScore.cs 's/layerMean \/= meanAbsActivation.Count;/layerMean \/= 1;/' "FullyQualifiedName~Law3"
run "L3 big epsilon" ReDo.Pure/Dormancy/DormantScore.cs 's/public const double Epsilon = 1e-9;/public const double Epsilon = 1e-2;/' "FullyQualifiedName~Law3"
run "L3 strict <" ReDo.Pure/Dormancy/DormantScore.cs 's/score <= tau;/score < tau;/' "FullyQualifiedName~Law3"
run "L4 inverted test" ReDo.Pure/Dormancy/DormantScore.cs 's/score <= tau;/score <= tau \&\& score >= tau \/ 2;/' "FullyQualifiedName~Law4"
run "L5 wrong flatten owner" ReDo.Pure/Recycling/FlattenMapping.cs 's/mapping == FlattenMapping.ChannelsFirst ? channelOfColumn/mapping == FlattenMapping.ChannelsFirst ? j % c/' "FullyQualifiedName~Law5"
run "L6 consumer moments kept" ReDo.Recycling/Recycler/TensorRecycler.cs 's/foreach (var buffer in moments.Buffers(consumer)) buffer.index_fill_(1, cols, 0);/ /' "FullyQualifiedName~Law1_2_6"
run "L7 bound from fan_in only" ReDo.Pure/Networks/XavierUniform.cs 's|Math.Sqrt(6.0 / (layer.FanIn + layer.FanOut))|Math.Sqrt(6.0 / layer.FanIn)|' "FullyQualifiedName~Law7"
run "L8 random outgoing from wrong draw" ReDo.Recycling/Recycler/TensorRecycler.cs 's/else weight.index_copy_(1, cols, draws.Outgoing\[slice.Consumer\].index_select(1, cols));/else weight.index_fill_(1, cols, 0.01);/' "FullyQualifiedName~Law8"
run "L9 weight step copied from bias" ReDo.Pure/Recycling/ReferenceRecycler.cs 's/ToValueList(), _weightStep\[l.Layer\])/ToValueList(), _biasStep[l.Layer])/' "FullyQualifiedName~Law9"
run "L9 stride inferred from kernel" ReDo.Recycling/Networks/SequentialNetwork.cs 's/(int)conv.stride\[0\], (int)conv.stride\[1\]/(int)conv.kernel_size[0], (int)conv.stride[1]/' "FullyQualifiedName~Law9"
run "L7 draws too narrow" ReDo.Recycling/Networks/NetworkInit.cs 's|-XavierUniform.Bound(layer), XavierUniform.Bound(layer), generator)|-XavierUniform.Bound(layer) / 4, XavierUniform.Bound(layer) / 4, generator)|' "FullyQualifiedName~Law7"
run "L10 reset keeps moments" ReDo.Recycling/Recycler/TensorRecycler.cs 's/foreach (var buffer in moments.Buffers(weight)) buffer.zero_();/foreach (var buffer in moments.Buffers(weight)) buffer.add_(0);/' "FullyQualifiedName~Law10"
run "L10 reset bias not zeroed (pure)" ReDo.Pure/Recycling/ReferenceRecycler.cs 's/Array.Clear(work.Bias\[name\]);/;/' "FullyQualifiedName~Law10"
run "L10 reset also next layer (shell)" ReDo.Recycling/Recycler/TensorRecycler.cs 's/weight.copy_(draws.Incoming\[name\]);/weight.copy_(draws.Incoming[name]); net.Bias(net.Spec.Layers[^1].Name).zero_();/' "FullyQualifiedName~Law10"
run "L9 empty plan still draws biases (shell)" ReDo.Recycling/Recycler/TensorRecycler.cs 's/if (plan.IsEmpty) return;/if (plan.IsEmpty) { foreach (var l in net.Spec.Layers) foreach (var b in moments?.Buffers(net.Bias(l.Name)) ?? []) b.zero_(); return; }/' "FullyQualifiedName~Law9"
# L8: carry out outgoing zeroing before the incoming redraws (reference order is the opposite).
python3 - <<PY
p='ReDo.Recycling/Recycler/TensorRecycler.cs'
s=open(p).read()
# move phase 3 (outgoing zeroing) before phase 2 (incoming rows)
a=s.index("        foreach (var lr in plan.Layers)\n        {\n            var rows = Index(lr.Neurons);\n            net.Weight(lr.Layer)")
b=s.index("        foreach (var lr in plan.Layers)\n            foreach (var slice in lr.Outgoing)")
c=s.index("        if (moments is null) return;")
open('$work/phase.cs','w').write(s[:a]+s[b:c]+s[a:b]+s[c:])
PY
cp ReDo.Recycling/Recycler/TensorRecycler.cs $work/tr.bak; cp $work/phase.cs ReDo.Recycling/Recycler/TensorRecycler.cs
if dotnet test ReDo.Properties --filter "FullyQualifiedName~Law8" 2>&1 | grep -q "Failed!"; then echo "killed       L8 phase order swapped"; else echo "SURVIVED     L8 phase order swapped"; survivors=$((survivors+1)); fi
cp $work/tr.bak ReDo.Recycling/Recycler/TensorRecycler.cs
rm -rf "$work"
echo "$survivors survivors"
[ "$survivors" -eq 0 ]
