# Draws a soak run's samples (soak.sh): gnuplot -e "dir='OUT'" plot.gp writes OUT/soak.png.
set terminal pngcairo size 960,600 font ",9"
set output dir."/soak.png"
set datafile separator "\t"
set key off
set grid
set xlabel "minutes"
set multiplot layout 2,3 title "Soak of the demo under wrk load, Prometheus scraping every second (warm-up left of the dashed line)"
warmup = system("awk -F'\\t' '$2==\"warmup\" {t=$1} END {print t/60}' ".dir."/samples.tsv") + 0
set arrow 1 from warmup, graph 0 to warmup, graph 1 nohead dt 2 lc rgb "gray40"
set yrange [0:*]
set title "heap used after GC (MiB)"
plot dir."/samples.tsv" using ($1/60):($3/1048576) every ::1 with linespoints pt 7 ps 0.5
set title "RSS (MiB)"
plot dir."/samples.tsv" using ($1/60):($4/1048576) every ::1 with linespoints pt 7 ps 0.5
set title "open file descriptors"
plot dir."/samples.tsv" using ($1/60):5 every ::1 with linespoints pt 7 ps 0.5
set title "live threads"
plot dir."/samples.tsv" using ($1/60):6 every ::1 with linespoints pt 7 ps 0.5
set title "series in the scrape"
plot dir."/samples.tsv" using ($1/60):7 every ::1 with linespoints pt 7 ps 0.5
set title "scrape duration (ms, mean over the interval)"
plot dir."/samples.tsv" using ($1/60):($8*1000) every ::1 with linespoints pt 7 ps 0.5
unset multiplot
